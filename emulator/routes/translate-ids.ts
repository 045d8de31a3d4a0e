// translateExchangeIds: Outlook item ids between formats, as the Outlook add-in needs them (Office.js
// gives an EWS id from getItemIdAsync; Graph wants a REST or immutable id).
// https://learn.microsoft.com/graph/api/user-translateexchangeids : delegated permissions only
// (User.ReadBasic.All, User.Read, ...; "Application: Not supported"), at most 1000 ids per call, all
// of one source type and one mailbox. In the emulator every item id is already immutable and a REST
// id; its EWS form is the same base64 with the standard alphabet ('/' and '+' where REST has '-' and
// '_'), which is the relation Office.js's convertToRestId documents. An id of no item in the mailbox
// comes back with errorDetails, not a target id (the stricter reading).
import { PERMS, requirePermission } from '../auth/guard.js';
import { GraphError, badRequest } from '../errors.js';
import type { Router } from '../router.js';
import { findUserOr404, jsonBody, type Services } from './common.js';

const FORMATS = ['entryId', 'ewsId', 'immutableEntryId', 'restId', 'restImmutableEntryId'] as const;
type Format = (typeof FORMATS)[number];

/** EWS ids use base64's standard alphabet; REST ids the URL-safe one. */
export const ewsIdOf = (restId: string): string => restId.replace(/-/g, '/').replace(/_/g, '+');
const restIdOf = (ewsId: string): string => ewsId.replace(/\//g, '-').replace(/\+/g, '_');

export function registerTranslateIds(r: Router, s: Services): void {
  r.post('/users/:u/translateExchangeIds', 'users.translateExchangeIds', (req, p) => {
    if (req.auth.kind === 'app')
      throw new GraphError(
        403,
        'ErrorAccessDenied',
        'translateExchangeIds is not supported with application permissions.',
      );
    requirePermission(req.auth, PERMS.usersRead);
    const user = findUserOr404(s, p.u!);
    if (req.auth.kind === 'delegated' && req.auth.userId !== user.id)
      throw new GraphError(
        403,
        'ErrorAccessDenied',
        'Access is denied. Check credentials and try again.',
      );
    const body = jsonBody(req);
    const inputIds = body.inputIds;
    const source = body.sourceIdType as Format;
    const target = body.targetIdType as Format;
    if (!Array.isArray(inputIds) || inputIds.some((i) => typeof i !== 'string'))
      throw badRequest('inputIds must be a collection of strings.');
    if (inputIds.length === 0 || inputIds.length > 1000)
      throw badRequest('inputIds must hold between 1 and 1000 ids.');
    if (!FORMATS.includes(source) || !FORMATS.includes(target))
      throw badRequest(`sourceIdType and targetIdType must be one of ${FORMATS.join(', ')}.`);
    if (
      source === 'entryId' ||
      source === 'immutableEntryId' ||
      target === 'entryId' ||
      target === 'immutableEntryId'
    )
      throw new GraphError(501, 'NotImplemented', 'The emulator translates EWS and REST ids only.');
    const mb = s.store.mailbox(user.id!);
    const value = (inputIds as string[]).map((sourceId) => {
      const id = source === 'ewsId' ? restIdOf(sourceId) : sourceId;
      const known = Boolean(mb.messages[id] ?? mb.events[id]);
      if (!known)
        return {
          sourceId,
          errorDetails: {
            code: 'ErrorInvalidIdMalformed',
            message: 'Id is malformed or does not belong to an item in this mailbox.',
          },
        };
      return { sourceId, targetId: target === 'ewsId' ? ewsIdOf(id) : id };
    });
    return {
      status: 200,
      body: {
        '@odata.context': `${s.origin()}/v1.0/$metadata#Collection(microsoft.graph.convertIdResult)`,
        value,
      },
    };
  });
}
