import { describe, expect, it } from 'vitest';
import { classifyMail, decide } from './classify.js';
import type { MailFacts } from './facts.js';
import { nonDeliveryReport } from './non-delivery.js';
import { htmlToText } from './text.js';

// The report as Exchange Online words it (and the emulator writes it).
const html =
  "<html><body><p><b>Your message to these recipients couldn't be delivered:</b><br>anna.lind@solrosen.example<br></p>" +
  "<p>Diagnostic information for administrators:<br>Remote server returned '550 5.2.2 Submission quota exceeded'</p>" +
  '<p>Original message headers:<br>Subject: Kvitto: vi har tagit emot ert bidrag<br>Message-ID: &lt;abc123@kvalitet.example&gt;</p></body></html>';

function report(partial: Partial<MailFacts> = {}): MailFacts {
  return {
    subject: 'Undeliverable: Kvitto: vi har tagit emot ert bidrag',
    body: htmlToText(html),
    from: { address: 'postmaster@kvalitet.example', name: 'Microsoft Outlook' },
    attachments: [],
    sentAt: '2027-03-01T10:00:00+01:00',
    ...partial,
  };
}

describe('non-delivery reports', () => {
  it('are told apart from out-of-office replies, decided without a coordinator, and read', () => {
    const c = classifyMail(report());
    expect(c.kind).toBe('auto-reply');
    expect(decide(c)).toBe('auto');
    expect(c.nonDelivery).toEqual({
      recipients: ['anna.lind@solrosen.example'],
      reason: '550 5.2.2 Submission quota exceeded',
      originalMessageId: '<abc123@kvalitet.example>',
      originalSubject: 'Kvitto: vi har tagit emot ert bidrag',
    });
    expect(c.reasons[0]).toMatch(/utebliven leverans/);
    expect(c.reasonsEn[0]).toMatch(/non-delivery report/);
  });

  it('are known by the report content type even from an unusual sender and subject', () => {
    const facts = report({
      from: { address: 'bounces@relay.example' },
      subject: 'Leveransstatus',
      headers: [{ name: 'Content-Type', value: 'multipart/report; report-type=delivery-status' }],
    });
    expect(classifyMail(facts).nonDelivery?.recipients).toEqual(['anna.lind@solrosen.example']);
  });

  it('are not claimed for an out-of-office reply or a person writing "undeliverable"', () => {
    const away = classifyMail(
      report({
        from: { address: 'anna.lind@solrosen.example' },
        subject: 'Automatiskt svar: Kvitto',
        body: 'Jag är ledig till och med 10 mars.',
        headers: [{ name: 'Auto-Submitted', value: 'auto-replied' }],
      }),
    );
    expect(away.kind).toBe('auto-reply');
    expect(away.nonDelivery).toBeUndefined();
    expect(
      nonDeliveryReport(
        report({ from: { address: 'anna.lind@solrosen.example' }, subject: 'Undeliverable: ?' }),
      ),
    ).toBeUndefined();
  });

  it('name the bounced mail by the Message-ID in their copy of its headers, not the subject', () => {
    // Exchange may translate or shorten the subject; the Message-ID stays.
    const swedish = nonDeliveryReport(report({ subject: 'Olevererbart: Kvitto: vi har tagit…' }));
    expect(swedish?.originalMessageId).toBe('<abc123@kvalitet.example>');
    // A Message-ID quoted above the copied headers (in the diagnostics) is not the original's.
    const quoted = htmlToText(
      html.replace(
        'Diagnostic information for administrators:',
        'Diagnostic information for administrators: Message-ID: &lt;other@relay.example&gt;',
      ),
    );
    expect(nonDeliveryReport(report({ body: quoted }))?.originalMessageId).toBe(
      '<abc123@kvalitet.example>',
    );
  });

  it('fall back to the report’s In-Reply-To when the body quotes no Message-ID', () => {
    const bare = htmlToText(html.replace(/Message-ID: [^<]*&gt;/, ''));
    expect(nonDeliveryReport(report({ body: bare }))?.originalMessageId).toBeUndefined();
    const withHeader = nonDeliveryReport(
      report({
        body: bare,
        headers: [{ name: 'In-Reply-To', value: '<orig-7@kvalitet.example>' }],
      }),
    );
    expect(withHeader?.originalMessageId).toBe('<orig-7@kvalitet.example>');
  });

  it("are known in Swedish Outlook's words too, headers or not, and never read as a submission", () => {
    const facts = report({
      subject: 'Det gick inte att leverera: Kvitto på ert bidrag',
      from: { address: 'MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@kvalitet.example' },
      body: 'Meddelandet kunde inte levereras till de här mottagarna:\n\nper.ek@blaklinten.example\nMottagarens postlåda är full.\n\nDiagnostikinformation för administratörer:\nFjärrservern returnerade 552 5.2.2 quota exceeded\n\nper.ek@blaklinten.example',
    });
    const c = classifyMail(facts);
    expect(c.kind).toBe('auto-reply');
    expect(decide(c)).toBe('auto');
    expect(c.nonDelivery?.recipients).toEqual(['per.ek@blaklinten.example']);
    expect(c.nonDelivery?.reason).toMatch(/^552 5\.2\.2/);
  });
});
