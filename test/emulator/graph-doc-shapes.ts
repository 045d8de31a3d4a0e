// Small excerpts of responses as Microsoft's Graph v1.0 and Entra documentation shows them (values
// shortened; only the property names and nesting matter). The conformance test checks that the
// emulator's responses carry every property named here. Sources are the doc pages named per shape.

/** https://learn.microsoft.com/graph/errors — "JSON representation" of the error resource. */
export const ERROR = {
  error: {
    code: 'string',
    message: 'string',
    innerError: { date: 'string', 'request-id': 'string', 'client-request-id': 'string' },
  },
};

/** https://learn.microsoft.com/graph/api/user-get (v1.0) — example response without $select. */
export const USER = {
  '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users/$entity',
  businessPhones: ['+1 425 555 0109'],
  displayName: 'Adele Vance',
  givenName: 'Adele',
  jobTitle: 'Retail Manager',
  mail: 'AdeleV@contoso.com',
  mobilePhone: '+1 425 555 0109',
  officeLocation: '18/2111',
  preferredLanguage: 'en-US',
  surname: 'Vance',
  userPrincipalName: 'AdeleV@contoso.com',
  id: '87d349ed-44d7-43e1-9a83-5f2406dee5bd',
};

/** https://learn.microsoft.com/graph/api/user-list — a page of users with @odata.nextLink. */
export const USER_PAGE = {
  '@odata.context': 'string',
  '@odata.nextLink': 'string',
  value: [{ id: 'string', displayName: 'string' }],
};

/** https://learn.microsoft.com/graph/api/group-list-members — members are directoryObjects with @odata.type. */
export const GROUP_MEMBERS = {
  '@odata.context': 'string',
  value: [{ '@odata.type': '#microsoft.graph.user', id: 'string' }],
};

/** https://learn.microsoft.com/graph/api/mailfolder-get — example response. */
export const MAIL_FOLDER = {
  displayName: 'displayName-value',
  parentFolderId: 'parentFolderId-value',
  childFolderCount: 99,
  unreadItemCount: 99,
  totalItemCount: 99,
  id: 'id-value',
};

/** https://learn.microsoft.com/graph/api/message-get — example response (shortened). */
export const MESSAGE = {
  '@odata.context': 'string',
  '@odata.etag': 'W/"CQAAABYAAAC4ofQHEIqCSbQPot83AFcbAAAW/dD6"',
  id: 'AAMkAGI1AAAoZCfHAAA=',
  createdDateTime: '2016-10-19T10:37:00Z',
  lastModifiedDateTime: '2016-10-19T10:37:00Z',
  changeKey: 'CQAAABYAAAC4ofQHEIqCSbQPot83AFcbAAAW/dD6',
  categories: [],
  receivedDateTime: '2016-10-19T10:37:00Z',
  sentDateTime: '2016-10-19T10:37:00Z',
  hasAttachments: false,
  internetMessageId: '<...>',
  subject: 'string',
  bodyPreview: 'string',
  importance: 'normal',
  parentFolderId: 'string',
  conversationId: 'string',
  isDeliveryReceiptRequested: false,
  isReadReceiptRequested: false,
  isRead: true,
  isDraft: false,
  webLink: 'string',
  inferenceClassification: 'focused',
  body: { contentType: 'html', content: 'string' },
  sender: { emailAddress: { name: 'string', address: 'string' } },
  from: { emailAddress: { name: 'string', address: 'string' } },
  toRecipients: [{ emailAddress: { name: 'string', address: 'string' } }],
  ccRecipients: [],
  bccRecipients: [],
  replyTo: [],
  flag: { flagStatus: 'notFlagged' },
};

/** https://learn.microsoft.com/graph/api/message-list — paging by @odata.nextLink with $skip. */
export const MESSAGE_PAGE = {
  '@odata.context': 'string',
  '@odata.nextLink': 'https://graph.microsoft.com/v1.0/me/messages?$skip=10',
  value: [{ id: 'string' }],
};

/** https://learn.microsoft.com/graph/api/message-delta and /graph/delta-query-messages. */
export const DELTA_NEXT = {
  '@odata.nextLink':
    'https://graph.microsoft.com/v1.0/me/mailfolders/{id}/messages/delta?$skiptoken={_skipToken_}',
  value: [{ id: 'string' }],
};
export const DELTA_LAST = {
  '@odata.deltaLink':
    'https://graph.microsoft.com/v1.0/me/mailfolders/{id}/messages/delta?$deltatoken={_deltaToken_}',
  value: [],
};
export const DELTA_REMOVED = {
  '@odata.type': '#microsoft.graph.message',
  id: 'string',
  '@removed': { reason: 'deleted' },
};

/** https://learn.microsoft.com/graph/api/attachment-get — fileAttachment example. */
export const FILE_ATTACHMENT = {
  '@odata.context': 'string',
  '@odata.type': '#microsoft.graph.fileAttachment',
  '@odata.mediaContentType': 'text/plain',
  id: 'string',
  lastModifiedDateTime: '2017-01-26T08:48:28Z',
  name: 'hello.txt',
  contentType: 'text/plain',
  size: 151,
  isInline: false,
  contentId: null,
  contentLocation: null,
  contentBytes: 'SGVsbG8=',
};

/** https://learn.microsoft.com/graph/api/user-post-events — example response (shortened). */
export const EVENT = {
  '@odata.context': 'string',
  '@odata.etag': 'string',
  id: 'string',
  createdDateTime: 'string',
  lastModifiedDateTime: 'string',
  changeKey: 'string',
  categories: [],
  transactionId: '7E163156-7762-4BEB-A1C6-729EA81755A7',
  originalStartTimeZone: 'Pacific Standard Time',
  originalEndTimeZone: 'Pacific Standard Time',
  iCalUId: 'string',
  reminderMinutesBeforeStart: 15,
  isReminderOn: true,
  hasAttachments: false,
  subject: 'string',
  bodyPreview: 'string',
  importance: 'normal',
  sensitivity: 'normal',
  isAllDay: false,
  isCancelled: false,
  isOrganizer: true,
  responseRequested: true,
  seriesMasterId: null,
  showAs: 'busy',
  type: 'singleInstance',
  webLink: 'string',
  onlineMeetingUrl: null,
  isOnlineMeeting: true,
  onlineMeetingProvider: 'teamsForBusiness',
  allowNewTimeProposals: true,
  responseStatus: { response: 'organizer', time: '0001-01-01T00:00:00Z' },
  body: { contentType: 'html', content: 'string' },
  start: { dateTime: '2017-04-15T12:00:00.0000000', timeZone: 'Pacific Standard Time' },
  end: { dateTime: '2017-04-15T14:00:00.0000000', timeZone: 'Pacific Standard Time' },
  location: { displayName: 'string' },
  locations: [],
  recurrence: null,
  attendees: [
    {
      type: 'required',
      status: { response: 'none', time: '0001-01-01T00:00:00Z' },
      emailAddress: { name: 'string', address: 'string' },
    },
  ],
  organizer: { emailAddress: { name: 'string', address: 'string' } },
  onlineMeeting: { joinUrl: 'https://teams.microsoft.com/l/meetup-join/...' },
};

/** https://learn.microsoft.com/graph/api/calendar-getschedule — example response. */
export const SCHEDULE = {
  '@odata.context':
    'https://graph.microsoft.com/v1.0/$metadata#Collection(microsoft.graph.scheduleInformation)',
  value: [
    {
      scheduleId: 'AdeleV@contoso.com',
      availabilityView: '000220000',
      scheduleItems: [
        {
          isPrivate: false,
          status: 'busy',
          subject: "Let's go for lunch",
          location: "Harry's Bar",
          start: { dateTime: '2019-03-15T12:00:00.0000000', timeZone: 'Pacific Standard Time' },
          end: { dateTime: '2019-03-15T14:00:00.0000000', timeZone: 'Pacific Standard Time' },
        },
      ],
      workingHours: {
        daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
        startTime: '08:00:00.0000000',
        endTime: '17:00:00.0000000',
        timeZone: { name: 'Pacific Standard Time' },
      },
    },
  ],
};

/** https://learn.microsoft.com/graph/api/subscription-post-subscriptions — example response. */
export const SUBSCRIPTION = {
  '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#subscriptions/$entity',
  id: '7f105c7d-2dc5-4530-97cd-4e7ae6534c07',
  resource: "me/mailFolders('Inbox')/messages",
  applicationId: '24d3b144-21ae-4080-943f-7067b395b913',
  changeType: 'created',
  clientState: 'secretClientValue',
  notificationUrl: 'https://webhook.azurewebsites.net/api/send/myNotifyClient',
  expirationDateTime: '2016-11-20T18:23:45.9356913Z',
  creatorId: '8ee44408-0679-472c-bc2a-692812af3437',
  latestSupportedTlsVersion: 'v1_2',
};

/** https://learn.microsoft.com/graph/api/resources/changenotification (+ resourceData for Outlook). */
export const CHANGE_NOTIFICATION = {
  value: [
    {
      subscriptionId: 'string',
      subscriptionExpirationDateTime: 'string',
      changeType: 'created',
      resource: 'Users/{id}/Messages/{id}',
      resourceData: {
        '@odata.type': '#Microsoft.Graph.Message',
        '@odata.id': 'string',
        '@odata.etag': 'string',
        id: 'string',
      },
      clientState: 'string',
      tenantId: 'string',
    },
  ],
};

/** https://learn.microsoft.com/graph/json-batching — response format. */
export const BATCH = {
  responses: [{ id: '1', status: 200, headers: { 'Content-Type': 'application/json' }, body: {} }],
};

/** https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow — token and error responses. */
export const TOKEN = {
  token_type: 'Bearer',
  expires_in: 3599,
  ext_expires_in: 3599,
  access_token: 'string',
};
export const TOKEN_ERROR = {
  error: 'invalid_scope',
  error_description: 'AADSTS70011: ...',
  error_codes: [70011],
  timestamp: '2016-01-09 02:02:12Z',
  trace_id: 'string',
  correlation_id: 'string',
  error_uri: 'string',
};

/** https://learn.microsoft.com/graph/api/user-post-installedapps / userscopeteamsappinstallation. */
export const INSTALLED_APPS = {
  value: [
    {
      id: 'string',
      teamsApp: {
        id: 'string',
        externalId: 'string',
        displayName: 'string',
        distributionMethod: 'organization',
      },
    },
  ],
};

/** https://learn.microsoft.com/graph/api/outlookuser-list-mastercategories — example response. */
export const MASTER_CATEGORIES = {
  '@odata.context': 'string',
  value: [{ id: 'string', displayName: 'Red category', color: 'preset0' }],
};
