// Graph's error bodies and the typed error the emulator's handlers throw to produce them.
// Shape per Microsoft Graph docs: { error: { code, message, innerError: { date, request-id, client-request-id } } }.

export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'GraphError';
  }
}

export interface GraphErrorBody {
  error: {
    code: string;
    message: string;
    innerError: { date: string; 'request-id': string; 'client-request-id': string };
  };
}

export function errorBody(
  code: string,
  message: string,
  requestId: string,
  clientRequestId: string,
  now: Date,
): GraphErrorBody {
  return {
    error: {
      code,
      message,
      innerError: {
        // Graph writes the date without fractional seconds or offset.
        date: now.toISOString().replace(/\.\d{3}Z$/, ''),
        'request-id': requestId,
        'client-request-id': clientRequestId,
      },
    },
  };
}

export const notFound = (what = 'The specified object was not found in the store.'): GraphError =>
  new GraphError(404, 'ErrorItemNotFound', what);

export const badRequest = (message: string, code = 'BadRequest'): GraphError =>
  new GraphError(400, code, message);

export const invalidRequest = (message: string): GraphError =>
  new GraphError(400, 'ErrorInvalidRequest', message);

export const accessDenied = (): GraphError =>
  new GraphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');

export const directoryDenied = (): GraphError =>
  new GraphError(
    403,
    'Authorization_RequestDenied',
    'Insufficient privileges to complete the operation.',
  );

export const userNotFound = (id: string): GraphError =>
  new GraphError(
    404,
    'Request_ResourceNotFound',
    `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
  );

export const mailboxUserNotFound = (): GraphError =>
  new GraphError(404, 'ErrorInvalidUser', 'The requested user is invalid.');
