// The local mode's stand-in for what Outlook does when an add-in saves the appointment being
// composed (Office.js saveAsync): the appointment lands in the signed-in person's own calendar in
// the local Microsoft 365, written through Graph as that person (on-behalf-of their token), and its
// id comes back in EWS form, as Office.js gives it. Used by tab/public/addin/office-standin.js only;
// mounted only in the local mode (Outlook does this itself in a tenant).
import express, { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { Event } from '@microsoft/microsoft-graph-types';
import type { Graph } from '../../graph/client.js';
import { isGraphError } from '../../graph/errors.js';
import { issueFields } from './validation.js';

const appointment = z.object({
  subject: z.string().max(400),
  start: z.iso.datetime({ offset: true }),
  end: z.iso.datetime({ offset: true }),
  attendees: z
    .array(z.object({ address: z.string().email(), name: z.string().max(200).optional() }))
    .max(50),
  location: z.string().max(400),
  html: z.string().max(100_000),
});

/** Office.js gives EWS ids: base64 with '/' and '+' where REST ids have '-' and '_'. */
const ewsIdOf = (restId: string) => restId.replace(/-/g, '/').replace(/_/g, '+');

export function localOfficeRoutes(options: {
  userGraph: (userToken: string, scopes?: string[]) => Graph;
}): Router {
  const router = Router();
  const save = async (req: Request, res: Response) => {
    const token = /^Bearer\s+(\S+)/i.exec(req.headers.authorization ?? '')?.[1];
    if (!token) {
      res.status(401).json({
        error: { code: 'unauthenticated', message: 'Sign in first.', messageSv: 'Logga in först.' },
      });
      return;
    }
    const body = appointment.safeParse(req.body);
    if (!body.success) {
      res.status(400).json({
        error: {
          code: 'bad-input',
          message: body.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
          messageSv: `Mötet går inte att spara: kontrollera ${issueFields(body.error) || 'innehållet'}.`,
        },
      });
      return;
    }
    const a = body.data;
    const graph = options.userGraph(token, ['https://graph.microsoft.com/Calendars.ReadWrite']);
    const utc = (iso: string) => ({
      dateTime: new Date(iso).toISOString().replace(/Z$/, ''),
      timeZone: 'UTC',
    });
    const event = {
      subject: a.subject,
      start: utc(a.start),
      end: utc(a.end),
      attendees: a.attendees.map((p) => ({
        type: 'required',
        emailAddress: { address: p.address, ...(p.name ? { name: p.name } : {}) },
      })),
      location: { displayName: a.location },
      body: { contentType: 'html', content: a.html },
    };
    const id = req.params.id;
    try {
      const saved = await graph.json<Event>(
        id
          ? { method: 'PATCH', path: `/me/events/${encodeURIComponent(String(id))}`, body: event }
          : { method: 'POST', path: '/me/events', body: event },
      );
      res.status(id ? 200 : 201).json({ id: saved.id, ewsId: ewsIdOf(saved.id ?? '') });
    } catch (e) {
      if (isGraphError(e, 'not-found')) {
        res.status(404).json({
          error: {
            code: 'not-found',
            message: 'No such appointment.',
            messageSv: 'Mötet finns inte.',
          },
        });
        return;
      }
      if (e instanceof Error && /invalid_grant|AADSTS|token/i.test(e.message)) {
        res.status(401).json({
          error: { code: 'invalid-token', message: 'Sign in again.', messageSv: 'Logga in igen.' },
        });
        return;
      }
      throw e;
    }
  };
  router.post('/api/local-office/appointments', express.json({ limit: '200kb' }), save);
  router.patch('/api/local-office/appointments/:id', express.json({ limit: '200kb' }), save);
  return router;
}
