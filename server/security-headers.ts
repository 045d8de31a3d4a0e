// Security headers on every response: no MIME sniffing, no referrer leaving the app, and a Content
// Security Policy. The tab and the add-in panes (under /tab) load their own scripts and Office.js,
// talk to this app and Entra, and may be framed only by Teams, Outlook and Microsoft 365; everything
// else (JSON APIs, health) may load nothing and be framed by nobody.
import type { RequestHandler } from 'express';

/** Who may show the tab and the add-in panes in a frame. */
export const TAB_FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.cloud.microsoft',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://*.office.com',
  'https://*.microsoft365.com',
  'https://local.teams.office.com',
];

export interface SecurityHeaderOptions {
  /** The Entra authority host the tab signs in at (national clouds differ). */
  authorityHost?: string;
}

export function tabContentSecurityPolicy(options: SecurityHeaderOptions = {}): string {
  const authority = options.authorityHost ?? 'https://login.microsoftonline.com';
  return [
    "default-src 'self'",
    // Office.js for the add-in panes comes from Microsoft's CDN, as Office requires.
    "script-src 'self' https://appsforoffice.microsoft.com",
    // Fluent UI writes its styles at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${authority}`,
    `frame-src 'self' ${authority}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${TAB_FRAME_ANCESTORS.join(' ')}`,
  ].join('; ');
}

const API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

export function securityHeaders(options: SecurityHeaderOptions = {}): RequestHandler {
  const tabPolicy = tabContentSecurityPolicy(options);
  return (req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    const tab = req.path === '/tab' || req.path.startsWith('/tab/');
    res.setHeader('Content-Security-Policy', tab ? tabPolicy : API_POLICY);
    if (!tab) res.setHeader('X-Frame-Options', 'DENY');
    next();
  };
}
