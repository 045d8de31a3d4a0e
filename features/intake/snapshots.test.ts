// Which mails get their headers read before processing: a non-delivery report only when its body
// does not already name the bounced mail.
import { describe, expect, it } from 'vitest';
import { assessMail, prepareUnits, type MailFacts } from '../../core/intake/index.js';
import { headersMatter } from './snapshots.js';

const report = (copied: string): MailFacts => ({
  subject: 'Undeliverable: Kvitto: vi har tagit emot ert bidrag',
  body: `Your message to these recipients couldn't be delivered:\nanna.lind@solrosen.example\n\nDiagnostic information for administrators:\nRemote server returned '550 5.1.1 RecipNotFound'\n\nOriginal message headers:\n${copied}`,
  from: { address: 'postmaster@kvalitet.example', name: 'Microsoft Outlook' },
  attachments: [],
  sentAt: '2027-03-01T10:00:00+01:00',
});

describe('headersMatter', () => {
  it('reads the headers of a bounce report only when its body quotes no Message-ID', () => {
    const units = prepareUnits([]);
    const named = assessMail(report('Message-ID: <abc@kvalitet.example>'), units);
    expect(named.classification.nonDelivery?.originalMessageId).toBe('<abc@kvalitet.example>');
    expect(headersMatter(named)).toBe(false);
    const unnamed = assessMail(report('Subject: Kvitto'), units);
    expect(unnamed.classification.nonDelivery).toBeDefined();
    expect(headersMatter(unnamed)).toBe(true);
  });
});
