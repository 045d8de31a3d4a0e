// The people of the demo tenant besides unit managers: the award office's coordinators, the examiners
// (in teams with team leaders), board secretaries who send protocols, and the shared mailbox itself.
import type * as MG from '@microsoft/microsoft-graph-types';
import { stableId } from './ids.js';

export const DOMAIN = 'stockholm.example';
export const SHARED_MAILBOX = `kvalitetsutmarkelsen@${DOMAIN}`;
export const TIME_ZONE = 'W. Europe Standard Time';

/** "Katarina von Essen" → "katarina.von.essen"; å/ä → a, ö → o, é → e. */
export function emailLocalPart(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[:']/g, '')
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.+|\.+$/g, '');
}

export function upnOf(given: string, surname: string): string {
  return `${emailLocalPart(`${given} ${surname}`)}@${DOMAIN}`;
}

export interface Person {
  given: string;
  surname: string;
  jobTitle: string;
  department: string;
  officeLocation: string;
  phone?: string;
  /** Outlook working hours other than Monday–Friday 08–17 (mailboxSettings.workingHours). */
  workingHours?: MG.WorkingHours;
}

/** A part-time examiner: Monday–Thursday 08.30–15.30, which getSchedule reports and booking honours. */
const PART_TIME: MG.WorkingHours = {
  daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday'],
  startTime: '08:30:00.0000000',
  endTime: '15:30:00.0000000',
  timeZone: { name: 'W. Europe Standard Time' },
};

export const COORDINATORS: readonly Person[] = [
  {
    given: 'Maria',
    surname: 'Lindqvist',
    jobTitle: 'Kvalitetsstrateg, samordnare Kvalitetsutmärkelsen',
    department: 'Stadsledningskontoret, avdelningen för kvalitet och säkerhet',
    officeLocation: 'Stadshuset',
  },
  {
    given: 'Johan',
    surname: 'Bergström',
    jobTitle: 'Utredare, samordnare Kvalitetsutmärkelsen',
    department: 'Stadsledningskontoret, avdelningen för kvalitet och säkerhet',
    officeLocation: 'Stadshuset',
  },
  {
    given: 'Amina',
    surname: 'Hassan',
    jobTitle: 'Handläggare, Kvalitetsutmärkelsen',
    department: 'Stadsledningskontoret, avdelningen för kvalitet och säkerhet',
    officeLocation: 'Stadshuset',
  },
];

/** Examiners come from administrations that have no competing units, so no team examines its own board. */
export const EXAMINERS: readonly Person[] = [
  {
    given: 'Karl',
    surname: 'Åkesson',
    jobTitle: 'Verksamhetsutvecklare',
    department: 'Trafikkontoret',
    officeLocation: 'Fleminggatan 4',
  },
  {
    given: 'Lena',
    surname: 'Hägglund',
    jobTitle: 'Kvalitetscontroller',
    department: 'Miljöförvaltningen',
    officeLocation: 'Fleminggatan 4',
  },
  {
    given: 'Oskar',
    surname: 'Nyberg',
    jobTitle: 'Utredare',
    department: 'Kulturförvaltningen',
    officeLocation: 'Kulturhuset',
  },
  {
    given: 'Yasmin',
    surname: 'Ali',
    jobTitle: 'HR-strateg',
    department: 'Fastighetskontoret',
    officeLocation: 'Hantverkargatan 2F',
  },
  {
    given: 'Gunnar',
    surname: 'Sjödin',
    jobTitle: 'Controller',
    department: 'Stadsbyggnadskontoret',
    officeLocation: 'Tekniska nämndhuset',
  },
  {
    given: 'Ingrid',
    surname: 'Westerlund',
    jobTitle: 'Kvalitetsutvecklare',
    department: 'Idrottsförvaltningen',
    officeLocation: 'Kungsholmen',
  },
  {
    given: 'Mohammed',
    surname: 'Rahimi',
    jobTitle: 'Processledare',
    department: 'Serviceförvaltningen',
    officeLocation: 'Västberga',
  },
  {
    given: 'Louise',
    surname: 'Carlsson',
    jobTitle: 'Utvecklingsledare',
    department: 'Exploateringskontoret',
    officeLocation: 'Tekniska nämndhuset',
  },
  {
    given: 'Björn',
    surname: 'Malmberg',
    jobTitle: 'Revisor',
    department: 'Revisionskontoret',
    officeLocation: 'Hantverkargatan 3D',
  },
  {
    given: 'Hanna',
    surname: 'Pettersson',
    jobTitle: 'Verksamhetscontroller',
    department: 'Överförmyndarförvaltningen',
    officeLocation: 'Kungsholmen',
  },
  {
    given: 'Tobias',
    surname: 'Lindberg',
    jobTitle: 'Digitaliseringsstrateg',
    department: 'Trafikkontoret',
    officeLocation: 'Fleminggatan 4',
    workingHours: PART_TIME,
  },
  {
    given: 'Eva-Lena',
    surname: 'Grönlund',
    jobTitle: 'Kvalitetssamordnare',
    department: 'Miljöförvaltningen',
    officeLocation: 'Fleminggatan 4',
  },
  {
    given: 'Sven',
    surname: 'Ödman',
    jobTitle: 'Utredare',
    department: 'Kulturförvaltningen',
    officeLocation: 'Stadsbiblioteket',
  },
  {
    given: 'Rebecka',
    surname: 'Hallin',
    jobTitle: 'Verksamhetsutvecklare',
    department: 'Fastighetskontoret',
    officeLocation: 'Hantverkargatan 2F',
  },
  {
    given: 'Anders',
    surname: 'Sundberg',
    jobTitle: 'Ekonom',
    department: 'Stadsbyggnadskontoret',
    officeLocation: 'Tekniska nämndhuset',
  },
  {
    given: 'Elsa',
    surname: 'Bengtsson',
    jobTitle: 'Projektledare',
    department: 'Idrottsförvaltningen',
    officeLocation: 'Kungsholmen',
  },
  {
    given: 'Reza',
    surname: 'Tehrani',
    jobTitle: 'Kvalitetsutvecklare',
    department: 'Serviceförvaltningen',
    officeLocation: 'Västberga',
  },
  {
    given: 'Johanna',
    surname: 'Krantz',
    jobTitle: 'Utvecklingsstrateg',
    department: 'Exploateringskontoret',
    officeLocation: 'Tekniska nämndhuset',
  },
  {
    given: 'Torbjörn',
    surname: 'Eklund',
    jobTitle: 'Revisor',
    department: 'Revisionskontoret',
    officeLocation: 'Hantverkargatan 3D',
  },
  {
    given: 'Mirja',
    surname: 'Laine',
    jobTitle: 'Handläggare',
    department: 'Överförmyndarförvaltningen',
    officeLocation: 'Kungsholmen',
  },
];

/** Board secretaries and administrators who send protocols and forward registrations, by organisation key. */
export const SECRETARIES: Readonly<Record<string, Person>> = {
  skarholmen: {
    given: 'Ulla',
    surname: 'Franzén',
    jobTitle: 'Nämndsekreterare',
    department: 'Skärholmens stadsdelsförvaltning',
    officeLocation: 'Skärholmen',
  },
  'hagersten-alvsjo': {
    given: 'Peter',
    surname: 'Gustafsson',
    jobTitle: 'Nämndsekreterare',
    department: 'Hägersten-Älvsjö stadsdelsförvaltning',
    officeLocation: 'Västertorp',
  },
  sodermalm: {
    given: 'Cecilia',
    surname: 'Osvald',
    jobTitle: 'Nämndsekreterare',
    department: 'Södermalms stadsdelsförvaltning',
    officeLocation: 'Medborgarplatsen',
  },
  'rinkeby-kista': {
    given: 'Hamid',
    surname: 'Noori',
    jobTitle: 'Nämndsekreterare',
    department: 'Rinkeby-Kista stadsdelsförvaltning',
    officeLocation: 'Kista',
  },
  farsta: {
    given: 'Kerstin',
    surname: 'Alm',
    jobTitle: 'Kvalitetsutvecklare',
    department: 'Farsta stadsdelsförvaltning',
    officeLocation: 'Farsta',
  },
  'enskede-arsta-vantor': {
    given: 'Marcus',
    surname: 'Henriksson',
    jobTitle: 'Nämndsekreterare',
    department: 'Enskede-Årsta-Vantörs stadsdelsförvaltning',
    officeLocation: 'Årsta',
  },
  bromma: {
    given: 'Anneli',
    surname: 'Sköld',
    jobTitle: 'Registrator',
    department: 'Bromma stadsdelsförvaltning',
    officeLocation: 'Brommaplan',
  },
  'hasselby-vallingby': {
    given: 'Roger',
    surname: 'Lindén',
    jobTitle: 'Nämndsekreterare',
    department: 'Hässelby-Vällingby stadsdelsförvaltning',
    officeLocation: 'Vällingby',
  },
  skarpnack: {
    given: 'Jessica',
    surname: 'Molin',
    jobTitle: 'Nämndsekreterare',
    department: 'Skarpnäcks stadsdelsförvaltning',
    officeLocation: 'Skarpnäck',
  },
  utbildning: {
    given: 'Christina',
    surname: 'Wahlberg',
    jobTitle: 'Kvalitetsstrateg',
    department: 'Utbildningsförvaltningen',
    officeLocation: 'Hantverkargatan 2F',
  },
  stadsledning: {
    given: 'Olof',
    surname: 'Rydberg',
    jobTitle: 'Kommunsekreterare',
    department: 'Stadsledningskontoret',
    officeLocation: 'Stadshuset',
  },
  steriks: {
    given: 'Therese',
    surname: 'Quist',
    jobTitle: 'Styrelsesekreterare',
    department: 'S:t Eriks Kommunservice AB',
    officeLocation: 'Lindhagensterrassen',
  },
};

export interface UserInput {
  given: string;
  surname: string;
  jobTitle?: string;
  department?: string;
  officeLocation?: string;
  businessPhone?: string;
  mobilePhone?: string;
  upn?: string;
  companyName?: string;
  city?: string;
  streetAddress?: string;
  postalCode?: string;
  accountEnabled?: boolean;
  displayName?: string;
  employeeType?: string;
  workingHours?: MG.WorkingHours;
}

const WORKING_HOURS: MG.WorkingHours = {
  daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
  startTime: '08:00:00.0000000',
  endTime: '17:00:00.0000000',
  timeZone: { name: TIME_ZONE },
};

/** A Graph user with the properties the app selects, Swedish locale and Stockholm working hours. */
export function makeUser(input: UserInput): MG.User {
  const upn = input.upn ?? upnOf(input.given, input.surname);
  return {
    id: stableId('user', upn),
    accountEnabled: input.accountEnabled ?? true,
    displayName: input.displayName ?? `${input.given} ${input.surname}`,
    givenName: input.given || null,
    surname: input.surname || null,
    userPrincipalName: upn,
    mail: upn,
    mailNickname: upn.split('@')[0],
    jobTitle: input.jobTitle ?? null,
    department: input.department ?? null,
    officeLocation: input.officeLocation ?? null,
    companyName: input.companyName ?? 'Stockholms stad',
    businessPhones: input.businessPhone ? [input.businessPhone] : [],
    mobilePhone: input.mobilePhone ?? null,
    city: input.city ?? 'Stockholm',
    country: 'Sverige',
    streetAddress: input.streetAddress ?? null,
    postalCode: input.postalCode ?? null,
    usageLocation: 'SE',
    preferredLanguage: 'sv-SE',
    employeeType: input.employeeType ?? null,
    mailboxSettings: {
      timeZone: TIME_ZONE,
      language: { locale: 'sv-SE', displayName: 'svenska (Sverige)' },
      dateFormat: 'yyyy-MM-dd',
      timeFormat: 'HH:mm',
      workingHours: input.workingHours ?? WORKING_HOURS,
      automaticRepliesSetting: { status: 'disabled', externalAudience: 'none' },
    },
  };
}
