// The local mode's sign-in (no tenant, no Teams): the demo tenant's people by name and role, and a
// token for the one chosen, minted by the emulator (its admin token endpoint, the same token a tab
// gets from Entra) and checked by the tab API like any tenant's. Mounted only in the local mode.
import express, { Router } from 'express';
import type { Graph } from '../../graph/client.js';
import { listGroupMembersByMailNickname } from '../../graph/users.js';
import { COORDINATORS_GROUP, EXAMINERS_GROUP } from '../../features/roles/index.js';
import type { AppStore } from '../services.js';

export interface LocalPerson {
  upn: string;
  displayName: string;
  role: 'coordinator' | 'examiner' | 'unit-manager';
  /** The unit a manager leads (the first, if several). */
  detail?: string;
}

export function localSignInRoutes(options: {
  graph: Graph;
  store: AppStore;
  /** The emulator's base URL (its /_admin API). */
  emulatorUrl: string;
}): Router {
  const router = Router();
  router.get('/api/local-sign-in/people', async (_req, res) => {
    const [coordinators, examiners, units] = await Promise.all([
      listGroupMembersByMailNickname(options.graph, COORDINATORS_GROUP, [
        'id',
        'displayName',
        'userPrincipalName',
      ]),
      listGroupMembersByMailNickname(options.graph, EXAMINERS_GROUP, [
        'id',
        'displayName',
        'userPrincipalName',
      ]),
      options.store.units.list(),
    ]);
    const people: LocalPerson[] = [
      ...coordinators.map((u) => ({
        upn: u.userPrincipalName!,
        displayName: u.displayName ?? '',
        role: 'coordinator' as const,
      })),
      ...examiners.map((u) => ({
        upn: u.userPrincipalName!,
        displayName: u.displayName ?? '',
        role: 'examiner' as const,
      })),
    ];
    const seen = new Set<string>();
    for (const unit of units) {
      const upn = unit.managerEmail.toLowerCase();
      if (seen.has(upn)) continue;
      seen.add(upn);
      people.push({ upn, displayName: unit.managerName, role: 'unit-manager', detail: unit.name });
    }
    res.setHeader('Cache-Control', 'no-store');
    res.json({ people });
  });
  router.post('/api/local-sign-in/token', express.json({ limit: '2kb' }), async (req, res) => {
    const upn = (req.body as { upn?: unknown } | undefined)?.upn;
    if (typeof upn !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(upn)) {
      res.status(400).json({
        error: {
          code: 'upn-required',
          message: 'Give { "upn": "name@domain" }.',
          messageSv: 'Ange vem som loggar in: { "upn": "namn@domän" }.',
        },
      });
      return;
    }
    const minted = await fetch(`${options.emulatorUrl}/_admin/tokens/user`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ upn }),
    });
    if (minted.status === 404) {
      res.status(404).json({
        error: {
          code: 'unknown-user',
          message: `No user ${upn} in the demo tenant.`,
          messageSv: `Det finns ingen användare ${upn} i demoorganisationen.`,
        },
      });
      return;
    }
    if (!minted.ok) throw new Error(`the emulator refused a token: ${minted.status}`);
    const { access_token } = (await minted.json()) as { access_token: string };
    res.setHeader('Cache-Control', 'no-store');
    res.json({ access_token, token_type: 'Bearer' });
  });
  return router;
}
