// The mailbox's master category list: /users/{id}/outlook/masterCategories (list, get, create, update, delete).
import type { OutlookCategory } from '@microsoft/microsoft-graph-types';
import { PERMS } from '../auth/guard.js';
import { GraphError, badRequest } from '../errors.js';
import { guid } from '../ids.js';
import { collection, metadataContext } from '../odata.js';
import type { Router } from '../router.js';
import { jsonBody, mailboxFor, type Services } from './common.js';

const COLORS = /^(none|preset([0-9]|1[0-9]|2[0-4]))$/i;

export function registerCategories(r: Router, s: Services): void {
  r.get('/users/:u/outlook/masterCategories', 'masterCategories.list', (req, p) => {
    const { mb } = mailboxFor(s, req, p.u!, 'mail', PERMS.mailboxSettingsRead);
    return {
      status: 200,
      body: collection(
        req,
        metadataContext(req, `users('${p.u}')/outlook/masterCategories`),
        mb.masterCategories,
        {
          defaultPageSize: 1000,
          maxPageSize: 1000,
        },
      ),
    };
  });
  r.post('/users/:u/outlook/masterCategories', 'masterCategories.create', (req, p) => {
    const { mb } = mailboxFor(s, req, p.u!, 'mail', PERMS.mailboxSettingsWrite);
    const body = jsonBody(req);
    if (typeof body.displayName !== 'string' || !body.displayName)
      throw badRequest('The displayName property is required.', 'ErrorInvalidRequest');
    const color = typeof body.color === 'string' ? body.color : 'none';
    if (!COLORS.test(color))
      throw badRequest(
        `The value '${color}' is not a valid category color.`,
        'ErrorInvalidRequest',
      );
    if (
      mb.masterCategories.some(
        (c) => c.displayName?.toLowerCase() === String(body.displayName).toLowerCase(),
      )
    )
      throw new GraphError(
        409,
        'ErrorDuplicateCategory',
        'A category with the specified name already exists.',
      );
    const id = guid();
    const cat: OutlookCategory = {
      id,
      displayName: body.displayName,
      color: color as OutlookCategory['color'],
    };
    mb.masterCategories.push(cat);
    s.store.emit({ userId: mb.userId, kind: 'other', changeType: 'updated', id });
    return {
      status: 201,
      body: {
        '@odata.context': metadataContext(req, `users('${p.u}')/outlook/masterCategories/$entity`),
        ...cat,
      },
    };
  });
  const catOr404 = (list: { id?: string | null }[], id: string) => {
    const c = list.find((x) => x.id === id);
    if (!c)
      throw new GraphError(
        404,
        'ErrorItemNotFound',
        'The specified object was not found in the store.',
      );
    return c;
  };
  r.get('/users/:u/outlook/masterCategories/:c', 'masterCategories.get', (req, p) => {
    const { mb } = mailboxFor(s, req, p.u!, 'mail', PERMS.mailboxSettingsRead);
    return { status: 200, body: catOr404(mb.masterCategories, p.c!) };
  });
  r.patch('/users/:u/outlook/masterCategories/:c', 'masterCategories.update', (req, p) => {
    const { mb } = mailboxFor(s, req, p.u!, 'mail', PERMS.mailboxSettingsWrite);
    const c = catOr404(mb.masterCategories, p.c!) as { color?: string };
    const body = jsonBody(req);
    if (typeof body.color === 'string') c.color = body.color;
    return { status: 200, body: c };
  });
  r.delete('/users/:u/outlook/masterCategories/:c', 'masterCategories.delete', (req, p) => {
    const { mb } = mailboxFor(s, req, p.u!, 'mail', PERMS.mailboxSettingsWrite);
    catOr404(mb.masterCategories, p.c!);
    mb.masterCategories = mb.masterCategories.filter((x) => x.id !== p.c);
    return { status: 204 };
  });
}
