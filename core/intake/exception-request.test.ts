// A request for an exception to the award's rules goes to a coordinator, in sentences of our own;
// asking when the deadline is, or telling that the entry comes in time, stays what it was.
import { describe, expect, it } from 'vitest';
import { classifyMail, decide } from './classify.js';
import { asksForException } from './exception-request.js';
import type { MailFacts } from './facts.js';

function mail(subject: string, body: string): MailFacts {
  return {
    subject,
    body,
    from: { address: 'karin.holm@stockholm.example', name: 'Karin Holm' },
    attachments: [],
    sentAt: '2027-05-09T10:00:00+02:00',
  };
}

describe('a request for an exception (more time, a rule waived)', () => {
  it.each([
    [
      'Inlämningen',
      'Hej! Två av oss har varit borta i flera veckor. Skulle vi möjligen kunna lämna bidraget den 28 maj i stället för den 17? /Karin, Hagalunds fritidshem',
    ],
    ['Anstånd för Hagalund?', 'Hej, vi är inte klara med bidraget. Mvh Karin'],
    [
      'Bidraget',
      'Hej! Vi ber om några dagars förlängning av inlämningen, vår skrivgrupp har varit sjuk. Karin',
    ],
    [
      'Entry deadline',
      'Hi, our team has been short-staffed all spring. Could we have an extra week for our entry? Best, Karin',
    ],
    [
      'Deadline',
      'Dear coordinators, is it possible to submit a few days after the deadline? Kind regards, Karin',
    ],
    [
      'Inlämning',
      'Hej! Vi har haft influensa hela april. Går det bra att vi lämnar in lite senare? /Karin',
    ],
    [
      '51 %',
      'Hej! Bara 45 % av våra elever bor i staden. Kan ni göra ett undantag för oss i år? Karin Holm',
    ],
    // A rule waived, named by the rule it is from.
    [
      'Undantag från 51 %-regeln?',
      'Hej! Hälften av våra brukare bor i Solna. Vi hoppas att ni kan pröva vår anmälan ändå. Karin Holm',
    ],
    // A late registration asked to count.
    [
      'Intresseanmälan',
      'Hej! Jag såg för sent att sista anmälningsdagen gick ut i fredags. Kan vi ändå få vara med i år? /Karin, Hagalunds fritidshem',
    ],
    [
      'Late registration',
      'Hi, we missed the deadline for registering by a few days. Is it still possible to take part this year? Karin',
    ],
    // A broken rule asked to be let pass.
    [
      'Bidraget',
      'Hej! Bifogar vårt bidrag. Det blev 88 500 tecken, är det ok eller behöver vi korta? /Karin',
    ],
  ])('%s → a coordinator decides', (subject, body) => {
    const c = classifyMail(mail(subject, body));
    expect(decide(c)).toBe('triage');
    expect(c.signals.fired.map((s) => s.rule)).toContain('exception-request');
    expect(c.signals.doubted).toBe(true);
  });

  it.each([
    // Asking when the deadline is, not for more of it.
    [
      'Sista dag?',
      'Hej! När är sista dagen att skicka in bidraget, och gäller det till midnatt? /Karin',
    ],
    ['Deadline', 'Hi, what time on 17 May must the entry be in? Thanks, Karin'],
    // Telling the entry comes in time, or that no extra time is needed.
    [
      'Bidraget',
      'Hej! Vi behöver inget anstånd, bidraget kommer före den 17 maj som planerat. /Karin',
    ],
    ['Our entry', 'Hi, no need for an extension, we will submit well before the deadline. Karin'],
    // Telling that the entry comes later in the window, before the deadline.
    ['Bidraget', 'Hej! Vi skickar in bidraget senare i veckan, i god tid före 17 maj. /Karin'],
    // Asking whether the rules have exceptions is a question about them, not a plea.
    ['Regeln', 'Hej! Gäller 51 %-regeln alltid, eller finns det fall där den inte gäller? /Karin'],
    // Another day for an info meeting is no more time for the entry.
    ['Infomötet', 'Hej! Kan jag komma den 2 mars i stället för den 16 februari? /Karin'],
    // Asking whether a rule has exceptions at all, or what a limit is.
    ['Undantag?', 'Hej! Finns det undantag från kravet på fem medarbetare? /Karin'],
    ['Teckenantal', 'Hej! Hur många tecken får bidraget vara, räknas blanksteg? /Karin'],
    // Told of as on time, or a late meeting signup with nothing asked.
    [
      'Infomöte',
      'Hej! Vi var för sent ute till februarimötet, så anmäl mig till den 9 mars i stället. /Karin',
    ],
    ['Bidraget', 'Hej! Här kommer vårt bidrag, 79 000 tecken, väl inom gränsen. /Karin'],
  ])('%s → no exception asked', (subject, body) => {
    expect(asksForException(`${subject}\n${body}`)).toBeUndefined();
    expect(classifyMail(mail(subject, body)).signals.fired.map((s) => s.rule)).not.toContain(
      'exception-request',
    );
  });

  it('an asked deadline stays a question decided alone', () => {
    const c = classifyMail(
      mail('Fråga om inlämning', 'Hej! När är sista dagen att skicka in bidraget? Mvh Karin Holm'),
    );
    expect(c.kind).toBe('question');
    expect(decide(c)).toBe('auto');
  });
});

describe("a board's protocol asked to come after its deadline (30 June)", () => {
  it.each([
    [
      'Protokollet',
      'Hej! Kulturnämnden sammanträder inte i juni. Kan vi få skicka in protokollsutdraget efter nämndens möte den 2 september? /Karin, nämndsekreterare',
    ],
    [
      'Nämndbeslut i augusti',
      'Hej, vårt sista sammanträde före sommaren blev inställt och nästa är i augusti. Är det okej om utdraget kommer efter det? Karin',
    ],
    [
      'Board minutes',
      'Hi, our board does not meet until August. Could we send the minutes later? Best, Karin',
    ],
  ])('asks for more time, a coordinator decides: %s', (subject, body) => {
    expect(asksForException(body), body).toBeDefined();
    const c = classifyMail(mail(subject, body));
    expect(decide(c), body).toBe('triage');
    expect(c.reasons.join(' ')).toContain('ber om ett undantag');
  });

  it.each([
    // When it is due, or what form will do: plain questions about the protocol.
    ['Protokoll', 'Hej! När ska protokollsutdraget vara inne? /Karin'],
    ['Protokoll', 'Hej! Räcker det med ett VD-beslut i stället för ett styrelseprotokoll? /Karin'],
    // Sent in time, after a meeting before the deadline.
    [
      'Protokoll',
      'Hej! Kan vi skicka protokollsutdraget efter sammanträdet den 15 juni, eller vill ni ha tjänsteutlåtandet innan? /Karin',
    ],
    // Telling that it comes in time, a later month named elsewhere.
    [
      'Protokoll',
      'Hej! Protokollsutdraget kommer före 30 juni. Vi ses på prisutdelningen i november? /Karin',
    ],
  ])('near miss, no more time asked: %s', (_subject, body) => {
    expect(asksForException(body), body).toBeUndefined();
  });
});
