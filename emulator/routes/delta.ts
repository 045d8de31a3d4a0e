// Per-folder message delta: GET /users/{id}/mailFolders/{folder}/messages/delta. A round pages with
// @odata.nextLink ($skiptoken) and ends with @odata.deltaLink ($deltatoken); later rounds return only
// changes since, with moved-out or deleted items as { id, "@removed": { reason: "deleted" } }.
// Tokens carry the mailbox's sync epoch: the admin API bumps it, and old tokens then get 410 Gone.
// The first request's $select is encoded into every nextLink and deltaLink and applies "as in any GET
// request" (https://learn.microsoft.com/graph/api/message-delta, query parameters), so every page
// and every later round returns the same properties, internetMessageHeaders included when selected;
// an unknown property is 400 on the first request. (Reports of later rounds returning fewer
// properties for updated mail, github.com/microsoftgraph/microsoft-graph-docs-contrib/issues/5544,
// are one more reason the intake reads headers by id, not from delta: features/intake/sync.ts.)
import { PERMS } from '../auth/guard.js';
import { GraphError } from '../errors.js';
import { parseFilter } from '../filter.js';
import { applySelect, metadataContext } from '../odata.js';
import type { GraphRequest, Router } from '../router.js';
import type { MailboxRec } from '../state/model.js';
import { mailboxFor, type Services } from './common.js';
import { checkMessageSelect, folderOr404 } from './mail.js';
import { messageJson } from './mail-shape.js';

interface DeltaState {
  /** folder id */
  f: string;
  /** changes after this sequence number… */
  s: number;
  /** …up to and including this one (fixed for the round) */
  u: number;
  /** page cursor: last sequence number returned in this round */
  a: number;
  /** mailbox sync epoch */
  e: number;
  sel?: string;
  ct?: string;
  /** $filter of the initial request (Graph supports receivedDateTime ge/gt on message delta). */
  flt?: string;
}

const encode = (st: DeltaState) => Buffer.from(JSON.stringify(st)).toString('base64url');

function decode(token: string): DeltaState | undefined {
  try {
    const st = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as DeltaState;
    if (typeof st.f !== 'string' || typeof st.s !== 'number' || typeof st.e !== 'number')
      return undefined;
    return st;
  } catch {
    return undefined;
  }
}

export function registerDelta(r: Router, s: Services): void {
  const handler = (req: GraphRequest, p: Record<string, string>) => {
    const { mb } = mailboxFor(s, req, p.u!, 'mail', PERMS.mailRead);
    const folder = folderOr404(s, mb, p.f!);
    const deltaUrl = `${req.baseUrl}/users/${p.u}/mailFolders/${p.f}/messages/delta`;
    const skip = req.query.get('$skiptoken');
    const dtoken = req.query.get('$deltatoken');
    let st: DeltaState;
    if (skip || dtoken) {
      const decoded = decode((skip ?? dtoken)!);
      if (!decoded || decoded.f !== folder.id)
        throw new GraphError(
          410,
          'syncStateInvalid',
          'The sync state is invalid. Please do a full sync.',
          {
            Location: deltaUrl,
          },
        );
      if (decoded.e !== mb.deltaEpoch)
        throw new GraphError(
          410,
          'syncStateNotFound',
          'The sync state generation is not found. Please do a full sync (resyncRequired).',
          { Location: deltaUrl },
        );
      st = decoded;
      if (dtoken) st = { ...st, s: st.u, u: mb.seq, a: st.u };
    } else {
      checkMessageSelect(req);
      st = {
        f: folder.id,
        s: 0,
        u: mb.seq,
        a: 0,
        e: mb.deltaEpoch,
        sel: req.query.get('$select') ?? undefined,
        ct: req.query.get('changeType') ?? undefined,
        flt: req.query.get('$filter') ?? undefined,
      };
    }
    const pageSize = Math.min(req.prefer.maxPageSize ?? 10, 1000);
    let rows = changesInRound(mb, st);
    if (st.flt) {
      const keep = parseFilter(st.flt);
      rows = rows.filter((row) => row.removed || keep(messageJson(mb.messages[row.id]!, mb, req)));
    }
    const page = rows.slice(0, pageSize);
    const value = page.map((row) =>
      row.removed
        ? {
            '@odata.type': '#microsoft.graph.message',
            id: row.id,
            '@removed': { reason: 'deleted' },
          }
        : {
            '@odata.type': '#microsoft.graph.message',
            ...applySelect(
              messageJson(mb.messages[row.id]!, mb, req, st.sel ?? null),
              st.sel ?? null,
            ),
          },
    );
    const body: Record<string, unknown> = {
      '@odata.context': metadataContext(req, 'Collection(message)'),
    };
    if (rows.length > page.length) {
      body['@odata.nextLink'] =
        `${deltaUrl}?$skiptoken=${encode({ ...st, a: page[page.length - 1]!.seq })}`;
    } else {
      body['@odata.deltaLink'] = `${deltaUrl}?$deltatoken=${encode({ ...st, a: st.u })}`;
    }
    body.value = value;
    return { status: 200, body };
  };
  r.get('/users/:u/mailFolders/:f/messages/delta', 'messages.delta', handler);
}

interface Row {
  id: string;
  seq: number;
  removed: boolean;
}

function changesInRound(mb: MailboxRec, st: DeltaState): Row[] {
  const rows: Row[] = [];
  const live = new Set<string>();
  const wantUpserts = st.ct !== 'deleted';
  const wantRemovals = st.s > 0 && (st.ct === undefined || st.ct === 'deleted');
  for (const m of Object.values(mb.messages)) {
    if (m.folderId !== st.f) continue;
    live.add(m.id);
    if (!wantUpserts) continue;
    if (m.seq > st.s && m.seq <= st.u && m.seq > st.a)
      rows.push({ id: m.id, seq: m.seq, removed: false });
  }
  if (wantRemovals) {
    const seen = new Set<string>();
    for (let i = mb.tombstones.length - 1; i >= 0; i--) {
      const t = mb.tombstones[i]!;
      if (t.folderId !== st.f || live.has(t.id) || seen.has(t.id)) continue;
      if (t.seq > st.s && t.seq <= st.u && t.seq > st.a) {
        seen.add(t.id);
        rows.push({ id: t.id, seq: t.seq, removed: true });
      }
    }
  }
  return rows.sort((a, b) => a.seq - b.seq);
}
