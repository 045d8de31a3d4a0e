// The demo city's boards and administrations: thirteen district boards, the specialist administrations
// and one (fictional) city company, with the postal codes and streets their units use.
import type { Organisation } from '../../core/model.js';
import { stableId } from './ids.js';

export interface SeedOrganisation extends Organisation {
  /** Short key used in e-mail addresses and ids ("skarholmen"). */
  key: string;
  /** The board's name as written in a protocol ("Skärholmens stadsdelsnämnd"). */
  boardName: string;
  /** Postal code prefix and area name for addresses of its units. */
  postalPrefix: string;
  area: string;
  streets: string[];
}

type Raw = Omit<SeedOrganisation, 'id'>;

const RAW: Raw[] = [
  {
    key: 'skarholmen',
    name: 'Skärholmens stadsdelsförvaltning',
    boardName: 'Skärholmens stadsdelsnämnd',
    kind: 'district',
    postalPrefix: '127',
    area: 'Skärholmen',
    streets: [
      'Bredholmsgatan',
      'Storholmsgatan',
      'Äggelundsbacken',
      'Måsholmstorget',
      'Vårbergsvägen',
    ],
  },
  {
    key: 'hagersten-alvsjo',
    name: 'Hägersten-Älvsjö stadsdelsförvaltning',
    boardName: 'Hägersten-Älvsjö stadsdelsnämnd',
    kind: 'district',
    postalPrefix: '129',
    area: 'Hägersten',
    streets: ['Hägerstensvägen', 'Västertorpsvägen', 'Fruängsgången', 'Klubbacken', 'Älvsjövägen'],
  },
  {
    key: 'sodermalm',
    name: 'Södermalms stadsdelsförvaltning',
    boardName: 'Södermalms stadsdelsnämnd',
    kind: 'district',
    postalPrefix: '118',
    area: 'Stockholm',
    streets: [
      'Bondegatan',
      'Skånegatan',
      'Timmermansgatan',
      'Lundagatan',
      'Tegelviksgatan',
      'Katarina Bangata',
    ],
  },
  {
    key: 'kungsholmen',
    name: 'Kungsholmens stadsdelsförvaltning',
    boardName: 'Kungsholmens stadsdelsnämnd',
    kind: 'district',
    postalPrefix: '112',
    area: 'Stockholm',
    streets: [
      'Fleminggatan',
      'Sankt Eriksgatan',
      'Inedalsgatan',
      'Kronobergsgatan',
      'Lindhagensgatan',
    ],
  },
  {
    key: 'norrmalm',
    name: 'Norrmalms stadsdelsförvaltning',
    boardName: 'Norrmalms stadsdelsnämnd',
    kind: 'district',
    postalPrefix: '113',
    area: 'Stockholm',
    streets: ['Dalagatan', 'Odengatan', 'Västmannagatan', 'Tegnérgatan', 'Vanadisvägen'],
  },
  {
    key: 'rinkeby-kista',
    name: 'Rinkeby-Kista stadsdelsförvaltning',
    boardName: 'Rinkeby-Kista stadsdelsnämnd',
    kind: 'district',
    postalPrefix: '164',
    area: 'Kista',
    streets: ['Kistagången', 'Rinkebystråket', 'Husbygårdsgatan', 'Akallalänken', 'Knutbyplan'],
  },
  {
    key: 'spanga-tensta',
    name: 'Spånga-Tensta stadsdelsförvaltning',
    boardName: 'Spånga-Tensta stadsdelsnämnd',
    kind: 'district',
    postalPrefix: '163',
    area: 'Spånga',
    streets: [
      'Tenstagången',
      'Hjulstagränd',
      'Spånga kyrkväg',
      'Bromstensvägen',
      'Elinsborgsbacken',
    ],
  },
  {
    key: 'farsta',
    name: 'Farsta stadsdelsförvaltning',
    boardName: 'Farsta stadsdelsnämnd',
    kind: 'district',
    postalPrefix: '123',
    area: 'Farsta',
    streets: ['Farstagången', 'Hökarängsplan', 'Larsbodavägen', 'Sandsborgsvägen', 'Fagersjövägen'],
  },
  {
    key: 'enskede-arsta-vantor',
    name: 'Enskede-Årsta-Vantörs stadsdelsförvaltning',
    boardName: 'Enskede-Årsta-Vantörs stadsdelsnämnd',
    kind: 'district',
    postalPrefix: '122',
    area: 'Enskede',
    streets: ['Årsta skolgränd', 'Sockenvägen', 'Högdalsgången', 'Rågsvedsvägen', 'Handelsvägen'],
  },
  {
    key: 'bromma',
    name: 'Bromma stadsdelsförvaltning',
    boardName: 'Bromma stadsdelsnämnd',
    kind: 'district',
    postalPrefix: '168',
    area: 'Bromma',
    streets: [
      'Bromma kyrkväg',
      'Ulvsundavägen',
      'Abrahamsbergsvägen',
      'Nyängsvägen',
      'Åkeshovsvägen',
    ],
  },
  {
    key: 'hasselby-vallingby',
    name: 'Hässelby-Vällingby stadsdelsförvaltning',
    boardName: 'Hässelby-Vällingby stadsdelsnämnd',
    kind: 'district',
    postalPrefix: '162',
    area: 'Vällingby',
    streets: ['Kirunagatan', 'Vällingbyplan', 'Hässelby torg', 'Råckstavägen', 'Grimstagatan'],
  },
  {
    key: 'ostermalm',
    name: 'Östermalms stadsdelsförvaltning',
    boardName: 'Östermalms stadsdelsnämnd',
    kind: 'district',
    postalPrefix: '114',
    area: 'Stockholm',
    streets: ['Karlavägen', 'Värtavägen', 'Valhallavägen', 'Grevgatan', 'Tessinparken'],
  },
  {
    key: 'skarpnack',
    name: 'Skarpnäcks stadsdelsförvaltning',
    boardName: 'Skarpnäcks stadsdelsnämnd',
    kind: 'district',
    postalPrefix: '128',
    area: 'Skarpnäck',
    streets: ['Skarpnäcks allé', 'Björkhagsplan', 'Bagarmossvägen', 'Kärrtorps torg', 'Pilotgatan'],
  },
  {
    key: 'utbildning',
    name: 'Utbildningsförvaltningen',
    boardName: 'Utbildningsnämnden',
    kind: 'administration',
    postalPrefix: '106',
    area: 'Stockholm',
    streets: ['Hantverkargatan', 'Drottningholmsvägen', 'Sveavägen', 'Ringvägen', 'Götgatan'],
  },
  {
    key: 'social',
    name: 'Socialförvaltningen',
    boardName: 'Socialnämnden',
    kind: 'administration',
    postalPrefix: '106',
    area: 'Stockholm',
    streets: ['Swedenborgsgatan', 'Hornsgatan', 'Klarabergsgatan', 'Gästrikegatan'],
  },
  {
    key: 'aldre',
    name: 'Äldreförvaltningen',
    boardName: 'Äldrenämnden',
    kind: 'administration',
    postalPrefix: '106',
    area: 'Stockholm',
    streets: ['Västgötagatan', 'Tjärhovsgatan', 'Bergsunds strand'],
  },
  {
    key: 'arbetsmarknad',
    name: 'Arbetsmarknadsförvaltningen',
    boardName: 'Arbetsmarknadsnämnden',
    kind: 'administration',
    postalPrefix: '106',
    area: 'Stockholm',
    streets: ['Västberga allé', 'Kungsbron', 'Tellusborgsvägen'],
  },
  {
    key: 'stadsledning',
    name: 'Stadsledningskontoret',
    boardName: 'Kommunstyrelsen',
    kind: 'administration',
    postalPrefix: '105',
    area: 'Stockholm',
    streets: ['Ragnar Östbergs plan', 'Hantverkargatan'],
  },
  {
    key: 'steriks',
    name: 'S:t Eriks Kommunservice AB',
    boardName: 'Styrelsen för S:t Eriks Kommunservice AB',
    kind: 'company',
    postalPrefix: '104',
    area: 'Stockholm',
    streets: ['Lindhagensterrassen', 'Gävlegatan', 'Liljeholmsvägen'],
  },
];

export const ORGANISATIONS: readonly SeedOrganisation[] = RAW.map((o) => ({
  ...o,
  id: stableId('organisation', o.key),
}));

export function organisationByKey(key: string): SeedOrganisation {
  const org = ORGANISATIONS.find((o) => o.key === key);
  if (!org) throw new RangeError(`Unknown organisation key ${key}`);
  return org;
}

/** The plain Organisation (core/model.ts) without the seed's extra fields. */
export function toOrganisation(org: SeedOrganisation): Organisation {
  return { id: org.id, name: org.name, kind: org.kind };
}
