// The tab: its static page under /tab (Teams, Outlook and microsoft365.com load it in an iframe). Its
// API under /api/tab is mounted behind the sign-in in server/app.ts. The teams-js browser bundle is served from node_modules, so the page works
// without a CDN.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router } from 'express';
import { colorIcon } from '../../manifest/icons.js';

const ADDIN_ICON_SIZES = [16, 32, 64, 80];

const TAB_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'tab', 'public');
const TEAMS_JS = createRequire(import.meta.url).resolve(
  '@microsoft/teams-js/dist/umd/MicrosoftTeams.min.js',
);

export function tabRoutes(): Router {
  const router = Router();

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
  // Teams and Outlook show the tab and the add-in pane in an iframe: allow Teams, Outlook and
  // Microsoft 365 to frame them, nobody else.
  router.use('/tab', (_req, res, next) => {
    res.setHeader(
      'Content-Security-Policy',
      "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft https://outlook.office.com https://outlook.office365.com https://*.office.com https://*.microsoft365.com https://local.teams.office.com",
    );
    next();
  });
  router.use('/tab', express.static(TAB_DIR, { index: 'index.html', maxAge: 0 }));
  return router;
}
