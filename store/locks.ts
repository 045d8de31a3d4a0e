// Named job leases, so a periodic job (delta sync, subscription renewal, reminder run) runs on one
// instance at a time when several share a PostgreSQL server. A crashed holder's lease runs out.
import { addMs } from './time.js';
import type { RepoContext } from './db.js';

export interface LocksRepo {
  /** Takes or renews the lease `name` for `owner`; false while another owner holds an unexpired one. */
  tryAcquire(name: string, owner: string, leaseMs: number): Promise<boolean>;
  /** Gives the lease up (only if `owner` holds it). */
  release(name: string, owner: string): Promise<void>;
}

export function locksRepo({ db, now }: RepoContext): LocksRepo {
  return {
    async tryAcquire(name, owner, leaseMs) {
      const at = now();
      const row = await db
        .insertInto('job_locks')
        .values({ name, owner, until: addMs(at, leaseMs) })
        .onConflict((oc) =>
          oc
            .column('name')
            .doUpdateSet({ owner, until: addMs(at, leaseMs) })
            .where((eb) =>
              eb.or([eb('job_locks.owner', '=', owner), eb('job_locks.until', '<=', at)]),
            ),
        )
        .returning('owner')
        .executeTakeFirst();
      return row?.owner === owner;
    },
    async release(name, owner) {
      await db
        .deleteFrom('job_locks')
        .where('name', '=', name)
        .where('owner', '=', owner)
        .execute();
    },
  };
}
