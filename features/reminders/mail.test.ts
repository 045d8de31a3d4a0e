import { describe, expect, it } from 'vitest';
import { reminderMail } from './mail.js';

describe('the reminder as a mail', () => {
  it('carries what is due, the deadline, what is missing and how, escaped', () => {
    const mail = reminderMail({
      locale: 'sv',
      kind: 'info-meeting-signup',
      occurrenceId: '2027:info-meeting-signup-7d:2027-02-10',
      unitId: 'u',
      unitName: 'Skolan <Bromma> & Co',
      year: 2027,
      deadlineDate: '2027-02-10',
      missing: [{ code: 'info-meeting-signup' }],
      mailbox: 'kvalitetsutmarkelsen@stockholm.example',
      meetings: [
        { start: '2027-02-16T09:00:00+01:00', end: '2027-02-16T10:00:00+01:00', place: 'Teams' },
      ],
    });
    expect(mail.subject).toBe(
      'Påminnelse: Anmälan till informationsmöte senast onsdag 10 februari 2027 kl. 24.00',
    );
    expect(mail.html).toContain('Skolan &lt;Bromma&gt; &amp; Co');
    expect(mail.html).toContain('Ni har inte anmält er till något informationsmöte.');
    expect(mail.html).toContain(
      'Anmäl er till ett av mötena genom att mejla kvalitetsutmarkelsen@stockholm.example',
    );
  });
});
