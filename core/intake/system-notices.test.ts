// A system's mail (a calendar invitation, a Teams notice, a bulletin to every manager, a "Delayed:"
// notice) is filed alone, in sentences of our own; a person writing of the same things in their own
// words is read as any mail.
import { describe, expect, it } from 'vitest';
import { classifyMail, decide } from './classify.js';
import type { MailFacts } from './facts.js';

function mail(subject: string, body: string, from = 'sara.lind@stockholm.example'): MailFacts {
  return {
    subject,
    body,
    from: { address: from, name: 'Sara Lind' },
    attachments: [],
    sentAt: '2027-09-02T10:00:00+02:00',
  };
}

const rules = (m: MailFacts) => classifyMail(m).signals.fired.map((s) => s.rule);

describe("a system's mail", () => {
  it.each([
    [
      'a calendar invitation',
      mail(
        'Inbjudan: Avstämning examinatorer @ tis 14 sep 09:00–10:00',
        'Avstämning inför platsbesöken.\n\nNär: tisdag 14 september 2027 09:00–10:00\nVar: Microsoft Teams\n\nAcceptera | Preliminärt | Avböj',
      ),
      'other',
    ],
    [
      'an English calendar invitation',
      mail(
        'Invitation: Jury preparation @ Thu 4 Nov 13:00',
        'When: Thursday 4 November 2027 13:00–15:00\nWhere: City Hall\n\nAccept | Tentative | Decline',
      ),
      'other',
    ],
    [
      'a Teams notice quoting a chat question',
      mail(
        'Du har 3 olästa meddelanden i Teams',
        'Kollegor försöker nå dig i Microsoft Teams.\n\nOlle skrev i kanalen Kvalitetsutmärkelsen: "Vem bokar lokalen till juryn?"\n\nÖppna Microsoft Teams',
        'no-reply@teams.mail.example',
      ),
      'other',
    ],
    [
      'a bulletin to every manager',
      mail(
        'Ny rutin för tjänsteresor',
        'Hej alla chefer!\n\nFrån 1 oktober bokas alla tjänsteresor via resebyrån. Informera gärna era medarbetare.\n\nEkonomiavdelningen',
        'ekonomi.info@stockholm.example',
      ),
      'other',
    ],
    [
      "a mail server's delay notice",
      mail(
        'Delayed: Påminnelse om sista dag för bidrag',
        "Delivery is delayed to these recipients or groups:\n\nrektor@skolan.example\n\nThis message hasn't been delivered yet. Delivery will continue to be attempted.",
        'postmaster@stockholm.example',
      ),
      'auto-reply',
    ],
    [
      "a mail server's delay notice titled in Swedish Outlook's words",
      mail(
        'Fördröjd leverans: Återföringsbesöket i december',
        'Leveransen har fördröjts till följande mottagare:\n\nenhetschef@omsorg.example\n\nServern fortsätter att försöka leverera meddelandet.',
        'postmaster@stockholm.example',
      ),
      'auto-reply',
    ],
  ])('%s is filed alone', (_what, m, kind) => {
    const c = classifyMail(m);
    expect(c.kind).toBe(kind);
    expect(decide(c)).toBe('auto');
    expect(rules(m)).toContain('system-notice');
  });

  it.each([
    // A person's own words about a meeting, with a question, are read as any mail.
    mail(
      'Inbjudan: platsbesöket',
      'Hej! Vi har fått er inbjudan till platsbesöket. När: den 14 september? Var: hos oss eller i Stadshuset?\n/Sara',
    ),
    // A reply in a thread is a person's.
    mail(
      'SV: Inbjudan: Informationsmöte 2 mars',
      'Hej, jag kommer gärna.\n\nNär: 2 mars 14:00\nVar: Teams\n\nAcceptera | Preliminärt | Avböj',
    ),
    // A colleague who writes of Teams from their own address is no program's notice.
    mail(
      'Teams',
      'Hej! Jag har försökt nå dig i Teams om vårt bidrag, kan du ringa mig?\n/Sara, Förskolan Solrosen',
    ),
    // A bulletin that tells of the award is for a coordinator to see.
    mail(
      'Veckans nyheter',
      'Veckans nyheter\n\n- Anmälan till Kvalitetsutmärkelsen 2028 öppnar i januari\n- Stadens julbord\n\nIntranätet',
      'intranatet@stockholm.example',
    ),
    // "Delayed" in a person's subject is no server's notice.
    mail(
      'Delayed: vårt bidrag',
      'Hej, vårt bidrag blir en dag sent, vi skickar det i morgon.\n/Sara',
    ),
    // Nor a person's "Försenad leverans:" about a late delivery of their own.
    mail(
      'Försenad leverans: protokollet',
      'Hej, protokollsutdraget blir försenat, nämnden justerar det först nästa vecka.\n/Sara',
    ),
  ])('$subject is not a system notice', (m) => {
    expect(rules(m)).not.toContain('system-notice');
  });
});

describe('phishing that names the mailbox it threatens', () => {
  it('is other, filed alone: the address is not talk of the award', () => {
    const c = classifyMail(
      mail(
        'Ditt konto stängs',
        'Hej,\n\nBrevlådan kvalitetsutmarkelsen@stockholm.example har nått sin lagringskvot. Klicka här för att verifiera ditt konto: http://mail-verify.example/login\n\nIT',
        'support@mail-verify.example',
      ),
    );
    expect(c.kind).toBe('other');
    expect(decide(c)).toBe('auto');
  });

  it('a unit that sends its entry as a link is not phishing', () => {
    const c = classifyMail(
      mail(
        'Vårt bidrag',
        'Hej! Klicka här för vårt bidrag till Kvalitetsutmärkelsen: https://stad.sharepoint.example/sites/solrosen/KU2027.docx\n/Sara, Förskolan Solrosen',
      ),
    );
    expect(c.kind).toBe('submission');
  });
});
