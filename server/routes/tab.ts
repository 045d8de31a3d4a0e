// The tab under /tab (Teams, Outlook and microsoft365.com load it in an iframe): the React app built by
// Vite (tab/dist, `npm run build`), the static pages beside it (privacy, terms, configuration, the
// Outlook add-in pane) and the teams-js browser bundle from node_modules, so nothing needs a CDN. Its
// API under /api/tab is mounted behind the sign-in in server/app.ts.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router } from 'express';
import { colorIcon } from '../../manifest/icons.js';
import type { TabStatus } from '../../tab/status.js';

const ADDIN_ICON_SIZES = [16, 32, 64, 80];

const TAB_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'tab', 'public');
/** The built client (tab/dist; in the production build dist/tab/dist beside the compiled server). */
export const TAB_BUILD_DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'tab',
  'dist',
);
const TEAMS_JS = createRequire(import.meta.url).resolve(
  '@microsoft/teams-js/dist/umd/MicrosoftTeams.min.js',
);

export function tabRoutes(options: { publicStatus: () => Promise<TabStatus> | TabStatus }): Router {
  const router = Router();

  // The award's public dates (what the instructions publish): the add-in pane shows them before
  // any sign-in. Everything about units and people is under /api/tab, behind the sign-in.
  router.get('/api/public/status', async (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(await options.publicStatus());
  });

  router.get('/tab/vendor/teams-js.js', (_req, res) => {
    res.sendFile(TEAMS_JS, { maxAge: '1d' });
  });
  // The Outlook add-in's ribbon icons, drawn by the same code as the app icons.
  router.get('/tab/addin/icon-:size.png', (req, res, next) => {
    const size = Number(req.params.size);
    if (!ADDIN_ICON_SIZES.includes(size)) {
      next();
      return;
    }
    res.type('png').setHeader('Cache-Control', 'public, max-age=86400').send(colorIcon(size));
  });
  // Teams and Outlook show the tab and the add-in pane in an iframe: the Content Security Policy that
  // lets Teams, Outlook and Microsoft 365 frame them (and nobody else) is set for every /tab response
  // by server/security-headers.ts.
  // Hashed file names: cached for good. The page itself is always revalidated.
  router.use(
    '/tab/assets',
    express.static(join(TAB_BUILD_DIR, 'assets'), {
      immutable: true,
      maxAge: '365d',
      index: false,
    }),
  );
  router.get(['/tab/', '/tab/index.html'], (_req, res) => {
    const page = join(TAB_BUILD_DIR, 'index.html');
    if (!existsSync(page)) {
      res
        .status(503)
        .type('text/plain')
        .send('The tab is not built yet: run `npm run build` (npm start builds it when missing).');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(page);
  });
  // The Outlook add-in's panes, built with the tab (tab/app/addin).
  router.get(['/tab/addin/mail.html', '/tab/addin/appointment.html'], (req, res) => {
    const page = join(TAB_BUILD_DIR, 'addin', req.path.split('/').pop()!);
    if (!existsSync(page)) {
      res
        .status(503)
        .type('text/plain')
        .send(
          'The add-in is not built yet: run `npm run build` (npm start builds it when missing).',
        );
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(page);
  });
  router.use('/tab', express.static(TAB_DIR, { index: false, maxAge: 0 }));
  return router;
}
