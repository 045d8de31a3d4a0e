// Subscriptions: POST/GET/PATCH/DELETE /subscriptions with the validationToken handshake, Graph's
// expiry limit for Outlook resources (4,230 minutes), and reauthorize.
import { PERMS, requireMailboxAccess } from '../auth/guard.js';
import { GraphError, badRequest } from '../errors.js';
import { guid } from '../ids.js';
import type { Notifier } from '../notifier.js';
import { collection, metadataContext } from '../odata.js';
import { normalizePath, type GraphRequest, type Router } from '../router.js';
import type { SubscriptionRec } from '../state/model.js';
import { isoZ } from '../timezones.js';
import { jsonBody, type Services } from './common.js';

const MAX_MINUTES = 4230;
const CHANGE_TYPES = ['created', 'updated', 'deleted'];

const notFound = () => new GraphError(404, 'ResourceNotFound', 'The object was not found.');
const validationFailed = () =>
  new GraphError(
    400,
    'ValidationError',
    'Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.',
  );

function subJson(req: GraphRequest, s: SubscriptionRec): Record<string, unknown> {
  return {
    '@odata.context': metadataContext(req, 'subscriptions/$entity'),
    id: s.id,
    resource: s.resource,
    applicationId: s.applicationId,
    changeType: s.changeType,
    clientState: s.clientState ?? null,
    notificationUrl: s.notificationUrl,
    notificationQueryOptions: null,
    lifecycleNotificationUrl: s.lifecycleNotificationUrl ?? null,
    expirationDateTime: s.expirationDateTime,
    creatorId: s.creatorId,
    includeResourceData: s.includeResourceData ?? null,
    latestSupportedTlsVersion: s.latestSupportedTlsVersion,
    encryptionCertificate: null,
    encryptionCertificateId: null,
    notificationUrlAppId: s.notificationUrlAppId ?? null,
  };
}

export function registerSubscriptions(r: Router, s: Services, notifier: Notifier): void {
  const checkExpiry = (value: unknown): string => {
    if (typeof value !== 'string' || Number.isNaN(Date.parse(value)))
      throw badRequest(
        'expirationDateTime is required and must be a valid DateTimeOffset.',
        'InvalidRequest',
      );
    const ms = Date.parse(value);
    const now = s.clock.now().getTime();
    if (ms <= now)
      throw badRequest('Subscription expiration must be in the future.', 'ExtensionError');
    if (ms > now + MAX_MINUTES * 60_000)
      throw badRequest(
        `Subscription expiration can only be ${MAX_MINUTES} minutes in the future.`,
        'ExtensionError',
      );
    return isoZ(ms).replace('Z', '.0000000Z');
  };
  const checkUrl = (value: unknown, name: string): string => {
    if (typeof value !== 'string' || !/^https?:\/\//i.test(value))
      throw badRequest(`${name} must be an absolute http(s) URL.`, 'InvalidRequest');
    return value;
  };
  const parseResource = (req: GraphRequest, resource: string): SubscriptionRec['target'] => {
    let path = normalizePath('/' + resource.replace(/^\//, ''));
    if (/^\/me(\/|$)/i.test(path)) {
      if (req.auth.kind !== 'delegated')
        throw badRequest('/me is only valid with delegated authentication.', 'InvalidRequest');
      path = path.replace(/^\/me/i, `/users/${req.auth.userId}`);
    }
    const m =
      /^\/users\/([^/]+)\/(?:(mailFolders)\/([^/]+)\/)?(messages|events|calendar\/events)$/i.exec(
        path,
      );
    if (!m)
      throw badRequest(
        `Resource '${resource}' is not supported by the emulator.`,
        'InvalidRequest',
      );
    const user = s.store.userByIdOrUpn(m[1]!);
    if (!user)
      throw new GraphError(404, 'ExtensionError', `The requested user '${m[1]}' is invalid.`);
    const kind = m[4]!.toLowerCase() === 'messages' ? 'messages' : 'events';
    requireMailboxAccess(
      req.auth,
      kind === 'messages' ? PERMS.mailRead : PERMS.calRead,
      user,
      kind === 'messages' ? 'mail' : 'calendar',
    );
    let folderId: string | undefined;
    if (m[2]) {
      const f = s.store.folder(s.store.mailbox(user.id!), m[3]!);
      if (!f)
        throw new GraphError(
          404,
          'ExtensionError',
          'The specified folder could not be found in the store.',
        );
      folderId = f.id;
    }
    return { userId: user.id!, kind, folderId };
  };
  const own = (req: GraphRequest) => {
    // Graph deletes subscriptions once they expire.
    const now = s.clock.now().getTime();
    for (const x of Object.values(s.store.data.subscriptions))
      if (Date.parse(x.expirationDateTime) <= now) delete s.store.data.subscriptions[x.id];
    return Object.values(s.store.data.subscriptions).filter(
      (x) => req.auth.kind === 'system' || x.applicationId === req.auth.app.clientId,
    );
  };
  const subOr404 = (req: GraphRequest, id: string) => {
    const sub = own(req).find((x) => x.id === id);
    if (!sub) throw notFound();
    return sub;
  };

  r.post('/subscriptions', 'subscriptions.create', async (req) => {
    const b = jsonBody(req);
    const changeType = typeof b.changeType === 'string' ? b.changeType : '';
    const types = changeType.split(',').map((x) => x.trim());
    if (!changeType || types.some((t) => !CHANGE_TYPES.includes(t)))
      throw badRequest(
        `changeType '${changeType}' is not valid; use created, updated and/or deleted.`,
        'InvalidRequest',
      );
    const notificationUrl = checkUrl(b.notificationUrl, 'notificationUrl');
    const lifecycleNotificationUrl =
      b.lifecycleNotificationUrl === undefined || b.lifecycleNotificationUrl === null
        ? undefined
        : checkUrl(b.lifecycleNotificationUrl, 'lifecycleNotificationUrl');
    if (typeof b.resource !== 'string') throw badRequest('resource is required.', 'InvalidRequest');
    const target = parseResource(req, b.resource);
    const expirationDateTime = checkExpiry(b.expirationDateTime);
    if (
      b.clientState !== undefined &&
      (typeof b.clientState !== 'string' || b.clientState.length > 128)
    )
      throw badRequest('clientState must be a string of at most 128 characters.', 'InvalidRequest');
    const id = guid();
    if (!(await notifier.validate(notificationUrl, id))) throw validationFailed();
    if (
      lifecycleNotificationUrl &&
      lifecycleNotificationUrl !== notificationUrl &&
      !(await notifier.validate(lifecycleNotificationUrl, id))
    )
      throw validationFailed();
    const sub: SubscriptionRec = {
      id,
      resource: b.resource,
      changeType,
      notificationUrl,
      lifecycleNotificationUrl,
      clientState: b.clientState as string | undefined,
      expirationDateTime,
      applicationId: req.auth.kind === 'system' ? 'system' : req.auth.app.clientId,
      creatorId:
        req.auth.kind === 'delegated'
          ? req.auth.userId
          : req.auth.kind === 'app'
            ? req.auth.app.servicePrincipalId
            : 'system',
      latestSupportedTlsVersion:
        typeof b.latestSupportedTlsVersion === 'string' ? b.latestSupportedTlsVersion : 'v1_2',
      includeResourceData: b.includeResourceData === true,
      target,
    };
    s.store.data.subscriptions[id] = sub;
    s.store.emit({ userId: target.userId, kind: 'other', changeType: 'created', id });
    return { status: 201, body: subJson(req, sub) };
  });
  r.get('/subscriptions', 'subscriptions.list', (req) => ({
    status: 200,
    body: collection(
      req,
      metadataContext(req, 'subscriptions'),
      own(req),
      { defaultPageSize: 100, maxPageSize: 100 },
      (x) => {
        const { '@odata.context': _c, ...rest } = subJson(req, x);
        return rest;
      },
    ),
  }));
  r.get('/subscriptions/:id', 'subscriptions.get', (req, p) => ({
    status: 200,
    body: subJson(req, subOr404(req, p.id!)),
  }));
  r.patch('/subscriptions/:id', 'subscriptions.update', async (req, p) => {
    const sub = subOr404(req, p.id!);
    const b = jsonBody(req);
    if (b.expirationDateTime !== undefined)
      sub.expirationDateTime = checkExpiry(b.expirationDateTime);
    if (b.notificationUrl !== undefined) {
      const url = checkUrl(b.notificationUrl, 'notificationUrl');
      if (!(await notifier.validate(url, sub.id))) throw validationFailed();
      sub.notificationUrl = url;
    }
    s.store.emit({ userId: sub.target.userId, kind: 'other', changeType: 'updated', id: sub.id });
    return { status: 200, body: subJson(req, sub) };
  });
  r.delete('/subscriptions/:id', 'subscriptions.delete', (req, p) => {
    const sub = subOr404(req, p.id!);
    delete s.store.data.subscriptions[sub.id];
    s.store.emit({ userId: sub.target.userId, kind: 'other', changeType: 'deleted', id: sub.id });
    return { status: 204 };
  });
  r.post('/subscriptions/:id/reauthorize', 'subscriptions.reauthorize', (req, p) => {
    subOr404(req, p.id!);
    return { status: 204 };
  });
}
