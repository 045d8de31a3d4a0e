// Recognises a non-delivery report (a bounce: a mail the shared mailbox sent came back) and reads
// what it says: who did not get the mail, why, and which mail it was. Such a report must never be
// answered (the postmaster would bounce the answer too) and is not an out-of-office reply: the
// sender of the original mail, not the postmaster, is the one a coordinator needs to reach.
//
// Exchange Online sends it from the postmaster (or MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e)
// as "Undeliverable: <subject>", with the recipients, "Diagnostic information for administrators"
// ("Remote Server returned '550 5.x.x …'") and the original message headers
// (https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online);
// in MIME it is multipart/report; report-type=delivery-status (RFC 3464). Swedish Outlook says
// "Olevererbart:" / "Det gick inte att leverera:" (subject) and "Diagnostikinformation för
// administratörer" (body).
//
// Which mail bounced is told by the original's Message-ID, read here without another request: the
// "Original message headers" copy in the report's body (documented on the page above, and in the
// body the intake's delta pages already carry). The report also embeds the original as
// message/rfc822 (https://support.microsoft.com/kb/323484; Graph lists it as an itemAttachment),
// which would take a request per report to read; and reports are seen with In-Reply-To/References
// naming the original, used when the mail's headers were read. The subject is only a fallback:
// Exchange may rewrite or translate it, and one receipt subject goes to many units.
import { headerValue, type MailFacts } from './facts.js';

export interface NonDeliveryReport {
  /** The addresses the mail did not reach (lower case), as the report lists them. */
  recipients: string[];
  /** The server's reason ("550 5.2.2 … sending limit"), when the report gives one. */
  reason?: string;
  /**
   * Message-ID of the mail that bounced ('<…@…>'), from the report's copy of its headers (or the
   * DSN's Original-Message-ID, or the report's In-Reply-To header).
   */
  originalMessageId?: string;
  /** The bounced mail's subject (the report's subject without "Undeliverable: "). */
  originalSubject?: string;
}

const REPORT_SENDER = /^(postmaster|mailer-daemon|microsoftexchange[0-9a-f]{32})@/i;
const REPORT_SUBJECT =
  /^\s*(undeliverable|undelivered mail|olevererbart|ej levererat|kunde inte levereras|det gick inte att leverera|delivery status notification \(failure\)|mail delivery (?:failed|failure)|returned mail|non-?delivery)\b\s*:?\s*/i;
const ADDRESS = /[a-z0-9._%+'-]+@[a-z0-9.-]+\.[a-z]{2,}/gi;

/** The report's details when the mail is a non-delivery report, else undefined. */
export function nonDeliveryReport(facts: MailFacts): NonDeliveryReport | undefined {
  const contentType = headerValue(facts, 'Content-Type') ?? '';
  const byHeader = /multipart\/report/i.test(contentType) && /delivery-status/i.test(contentType);
  const bySender = REPORT_SENDER.test(facts.from.address) && REPORT_SUBJECT.test(facts.subject);
  if (!byHeader && !bySender) return undefined;

  const body = facts.body ?? '';
  // The copy of the original headers comes last; recipients are listed before it.
  const headersAt = body.search(/original message headers|ursprungliga meddelanderubriker/i);
  const diagnosticAt = body.search(/diagnostic information|diagnosti(?:sk |k)information/i);
  const cut = [headersAt, diagnosticAt].filter((i) => i >= 0);
  const listing = cut.length > 0 ? body.slice(0, Math.min(...cut)) : body;
  const own = facts.from.address.toLowerCase();
  const recipients = [
    ...new Set((listing.match(ADDRESS) ?? []).map((a) => a.toLowerCase())),
  ].filter((a) => a !== own && !REPORT_SENDER.test(a));

  const report: NonDeliveryReport = { recipients };
  const reason =
    /remote server returned\s*'([^']+)'/i.exec(body)?.[1] ??
    /\b([45]\d\d[ -][45]\.\d{1,3}\.\d{1,3}\b[^\n]*)/.exec(body)?.[1];
  if (reason) report.reason = reason.trim().slice(0, 300);
  const messageId = originalMessageId(facts, body, headersAt);
  if (messageId) report.originalMessageId = messageId;
  const subject = facts.subject.replace(REPORT_SUBJECT, '').trim();
  if (subject) report.originalSubject = subject;
  return report;
}

const MESSAGE_ID = /<[^<>\s@]+@[^<>\s]+>/;

/**
 * The bounced mail's Message-ID: the copy of its headers in the body first (after "Original message
 * headers", so a Message-ID quoted elsewhere in the text is not taken), then a DSN
 * Original-Message-ID, then the report's own In-Reply-To (it answers the original).
 */
function originalMessageId(facts: MailFacts, body: string, headersAt: number): string | undefined {
  const copied = headersAt >= 0 ? body.slice(headersAt) : body;
  const inCopy = /(?:^|[\s>])message-id:\s*(<[^>\s]+>)/i.exec(copied)?.[1];
  if (inCopy && MESSAGE_ID.test(inCopy)) return inCopy;
  const dsn = /original-message-id:\s*(<[^>\s]+>)/i.exec(body)?.[1];
  if (dsn && MESSAGE_ID.test(dsn)) return dsn;
  const inReplyTo = MESSAGE_ID.exec(headerValue(facts, 'In-Reply-To') ?? '')?.[0];
  return inReplyTo;
}
