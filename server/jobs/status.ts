// The status feature in the host: the status service over storage and the cycles, its bot
// contribution (bot/status.ts), its part of the tab API (overview, unit lists, a unit's detail, the
// participant CSV, behind the tab's sign-in) and the short-lived signed CSV link the bot hands out
// (a browser opened from a Teams card carries no tab token, so the link itself is the permission).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import { statusContribution } from '../../bot/status.js';
import { UNIT_CLASS_IDS } from '../../core/classes.js';
import type { Locale, ParticipationState, UnitClassId } from '../../core/model.js';
import { PARTICIPATION_STATES } from '../../core/participation.js';
import type { ProblemKind, UnitListFilter } from '../../core/status.js';
import { principalOf, requireRole, requireUnit } from '../../features/roles/index.js';
import {
  createStatusService,
  performAct,
  type StatusService,
} from '../../features/status/index.js';
import { loadCycles } from '../cycles.js';
import type { FeatureContext, FeatureHandle, ServerFeature } from '../features.js';

const EXPORT_PATH = '/api/status/participants.csv';
const EXPORT_TTL_MS = 15 * 60_000;
const SECRET_KEY = 'status:export-link-secret';

export interface StatusFeatureOptions {
  cyclesDir?: string;
  /** Receives the running service (tests, benchmarks). */
  onService?: (service: StatusService) => void;
}

export function createStatusFeature(options: StatusFeatureOptions = {}): ServerFeature {
  return {
    name: 'status',
    async start(context: FeatureContext): Promise<FeatureHandle> {
      const { store, config } = context;
      const cycles = loadCycles(options.cyclesDir);
      const now = () => config.clock.now();
      const service = createStatusService({ store, cycles, now });
      options.onService?.(service);
      // One secret for every instance (first writer wins), so a link works whichever answers.
      const secret = Buffer.from(
        await store.settings.getOrSet(SECRET_KEY, randomBytes(32).toString('base64')),
        'base64',
      );
      const sign = (year: number, expires: number) =>
        createHmac('sha256', secret).update(`${year}:${expires}`).digest('base64url');

      const exportLink = async (year: number) => {
        // Wall-clock time, not award time: the link's life is real minutes.
        const expires = Date.now() + EXPORT_TTL_MS;
        return `${context.publicUrl}${EXPORT_PATH}?year=${year}&expires=${expires}&sig=${sign(year, expires)}`;
      };

      const routes = Router();
      routes.get(EXPORT_PATH, async (req, res) => {
        const year = Number(req.query.year);
        const expires = Number(req.query.expires);
        const sig = String(req.query.sig ?? '');
        if (!Number.isInteger(year) || !Number.isInteger(expires) || !sig) {
          res.status(400).json({
            error: {
              code: 'bad-link',
              message: 'The link is incomplete: ask the bot for a new one.',
              messageSv: 'Länken är ofullständig: be boten om en ny.',
            },
          });
          return;
        }
        const expected = Buffer.from(sign(year, expires));
        const given = Buffer.from(sig);
        if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
          res.status(403).json({
            error: {
              code: 'bad-signature',
              message: 'The link is not valid: ask the bot for a new one.',
              messageSv: 'Länken är inte giltig: be boten om en ny.',
            },
          });
          return;
        }
        if (Date.now() > expires) {
          res.status(410).json({
            error: {
              code: 'expired',
              message: 'The link has expired: ask the bot for a new one.',
              messageSv: 'Länken har gått ut: be boten om en ny.',
            },
          });
          return;
        }
        await sendCsv(res, service, year);
      });

      return {
        routes,
        tabApi: statusTabApi(service, store.examinerTeams),
        bot: statusContribution({
          status: service,
          roles: context.roles,
          examinerTeams: store.examinerTeams,
          act: (input) => performAct(store, input),
          exportLink,
          now,
          ...(config.publicUrl ? { tabUrl: `${context.publicUrl}/tab/` } : {}),
        }),
      };
    },
  };
}

async function sendCsv(
  res: Response,
  service: StatusService,
  year?: number,
  locale?: Locale,
): Promise<void> {
  const { year: y, csv } = await service.participantsCsv(year, locale);
  res
    .status(200)
    .type('text/csv; charset=utf-8')
    .setHeader('content-disposition', `attachment; filename="deltagare-${y}.csv"`)
    .setHeader('cache-control', 'no-store')
    .send(csv);
}

/** What a refused query said wrong, for the one error shape (English, and Swedish for the tab). */
interface Refusal {
  en: string;
  sv: string;
}

function badRequest(res: Response, refusal: Refusal): void {
  res
    .status(400)
    .json({ error: { code: 'bad-request', message: refusal.en, messageSv: refusal.sv } });
}

const BAD_YEAR: Refusal = {
  en: 'year must be a year (YYYY).',
  sv: 'Året ska anges med fyra siffror (ÅÅÅÅ).',
};

/** A unit list filter from the query string; a refusal for what does not fit. */
export function filterFromQuery(query: Request['query']): UnitListFilter | Refusal {
  const filter: UnitListFilter = {};
  const str = (name: string) =>
    typeof query[name] === 'string' ? (query[name] as string) : undefined;
  const year = str('year');
  if (year !== undefined) {
    const y = Number(year);
    if (!Number.isInteger(y) || y < 2000 || y > 2100) return BAD_YEAR;
    filter.year = y;
  }
  const states = str('state');
  if (states !== undefined) {
    const list = states.split(',').filter(Boolean);
    const bad = list.find((s) => !(PARTICIPATION_STATES as readonly string[]).includes(s));
    if (bad)
      return {
        en: `Unknown state "${bad}"; known: ${PARTICIPATION_STATES.join(', ')}.`,
        sv: `Okänt läge "${bad}"; välj bland ${PARTICIPATION_STATES.join(', ')}.`,
      };
    filter.states = list as ParticipationState[];
  }
  const classId = str('class');
  if (classId !== undefined) {
    if (!(UNIT_CLASS_IDS as readonly string[]).includes(classId))
      return {
        en: `Unknown class "${classId}"; known: ${UNIT_CLASS_IDS.join(', ')}.`,
        sv: `Okänd klass "${classId}"; välj bland ${UNIT_CLASS_IDS.join(', ')}.`,
      };
    filter.classId = classId as UnitClassId;
  }
  const org = str('organisation');
  if (org) filter.organisationId = org;
  if (str('notSubmitted') === 'true') filter.notSubmitted = true;
  if (str('missingFromProtocol') === 'true') filter.missingFromProtocol = true;
  const problem = str('problem');
  if (problem !== undefined) {
    if (!['late', 'over-limit', 'unreadable'].includes(problem))
      return {
        en: 'problem must be late, over-limit or unreadable.',
        sv: 'Problem ska vara late (för sent), over-limit (för långt) eller unreadable (oläsbart).',
      };
    filter.problem = problem as ProblemKind;
  }
  return filter;
}

/** The status part of the tab API (under /api/tab, behind the sign-in). */
function statusTabApi(
  service: StatusService,
  teams: Pick<FeatureContext['store']['examinerTeams'], 'getTeam'>,
): Router {
  const router = Router();
  router.get('/status/overview', async (_req, res) => {
    requireRole(principalOf(res), 'coordinator');
    res.json(await service.overview());
  });
  router.get('/status/units', async (req, res) => {
    requireRole(principalOf(res), 'coordinator');
    const filter = filterFromQuery(req.query);
    if ('en' in filter) return badRequest(res, filter);
    const page = Number(req.query.page ?? 0);
    const pageSize = Number(req.query.pageSize ?? 50);
    if (!Number.isInteger(page) || page < 0 || !Number.isInteger(pageSize) || pageSize < 1)
      return badRequest(res, {
        en: 'page and pageSize must be whole numbers (page from 0, pageSize from 1).',
        sv: 'Sida och sidstorlek ska vara heltal (sidan från 0, sidstorleken från 1).',
      });
    res.json(await service.units(filter, { page, pageSize }));
  });
  router.get('/status/units/:unitId', async (req, res) => {
    const principal = principalOf(res);
    // Examiners see the units their teams examine.
    const examined = (
      await Promise.all(principal.examinerTeams.map((t) => teams.getTeam(t.teamId)))
    ).flatMap((team) => team?.unitIds ?? []);
    requireUnit(principal, String(req.params.unitId), examined);
    const year = req.query.year === undefined ? undefined : Number(req.query.year);
    if (year !== undefined && (!Number.isInteger(year) || year < 2000 || year > 2100))
      return badRequest(res, BAD_YEAR);
    try {
      res.json(await service.detail(String(req.params.unitId), year));
    } catch (e) {
      if ((e as { reason?: unknown }).reason === 'unit-not-found') {
        res.status(404).json({
          error: {
            code: 'unit-not-found',
            message: 'No such unit.',
            messageSv: 'Enheten finns inte.',
          },
        });
        return;
      }
      throw e;
    }
  });
  // The tab's Export button: the same list as the bot's signed link, headed in the caller's language.
  router.get('/status/participants.csv', async (req, res) => {
    const principal = principalOf(res);
    requireRole(principal, 'coordinator');
    const year = req.query.year === undefined ? undefined : Number(req.query.year);
    if (year !== undefined && !Number.isInteger(year)) return badRequest(res, BAD_YEAR);
    await sendCsv(res, service, year, principal.locale);
  });
  return router;
}
