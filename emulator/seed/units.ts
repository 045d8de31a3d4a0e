// The demo city's units: about sixty preschools, schools, elder care, social services and other units
// across the district boards and administrations, each with a manager, phones, addresses and staff.
// A few are deliberately ineligible (fewer than five staff, too few Stockholm residents).
import type { Address, Unit, UnitClassId } from '../../core/model.js';
import { stableId, prng } from './ids.js';
import { organisationByKey } from './organisations.js';
import { emailLocalPart } from './people.js';

export interface RawUnit {
  key: string;
  name: string;
  classId: UnitClassId;
  org: string;
  staff: number;
  /** Private units: share of places/children/customers from Stockholm. */
  privateShare?: number;
  manager: [given: string, surname: string];
}

// prettier-ignore
export const RAW_UNITS: readonly RawUnit[] = [
  // Förskola (district boards; independent preschools report through Utbildningsförvaltningen)
  { key: 'ekorren', name: 'Förskolan Ekorren', classId: 'forskola', org: 'skarholmen', staff: 14, manager: ['Anna', 'Bergqvist'] },
  { key: 'solrosen', name: 'Förskolan Solrosen', classId: 'forskola', org: 'hagersten-alvsjo', staff: 18, manager: ['Maria', 'Öberg'] },
  { key: 'lustgarden', name: 'Förskolan Lustgården', classId: 'forskola', org: 'sodermalm', staff: 22, manager: ['Karin', 'Sjöholm'] },
  { key: 'kastanjen', name: 'Förskolan Kastanjen', classId: 'forskola', org: 'kungsholmen', staff: 12, manager: ['Sofia', 'Lindström'] },
  { key: 'vasaparken', name: 'Förskolan Vasaparken', classId: 'forskola', org: 'norrmalm', staff: 16, manager: ['Elin', 'Wallin'] },
  { key: 'regnbagen', name: 'Förskolan Regnbågen', classId: 'forskola', org: 'rinkeby-kista', staff: 25, manager: ['Leila', 'Haddad'] },
  { key: 'tenstaang', name: 'Förskolan Tensta äng', classId: 'forskola', org: 'spanga-tensta', staff: 20, manager: ['Fatima', 'Yusuf'] },
  { key: 'farhagen', name: 'Förskolan Fårhagen', classId: 'forskola', org: 'farsta', staff: 11, manager: ['Helena', 'Åberg'] },
  { key: 'arstaskogen', name: 'Förskolan Årstaskogen', classId: 'forskola', org: 'enskede-arsta-vantor', staff: 19, manager: ['Lina', 'Ek'] },
  { key: 'appelgarden', name: 'Förskolan Äppelgården', classId: 'forskola', org: 'bromma', staff: 15, manager: ['Jenny', 'Holmgren'] },
  { key: 'vallingbyhojden', name: 'Förskolan Vällingbyhöjden', classId: 'forskola', org: 'hasselby-vallingby', staff: 13, manager: ['Petra', 'Nyström'] },
  { key: 'humlegarden', name: 'Förskolan Humlegården', classId: 'forskola', org: 'ostermalm', staff: 17, manager: ['Cecilia', 'Rosén'] },
  { key: 'larkan', name: 'Montessoriförskolan Lärkan', classId: 'forskola', org: 'utbildning', staff: 9, privateShare: 0.94, manager: ['Emma', 'Forsberg'] },
  { key: 'myrstacken', name: 'Föräldrakooperativet Myrstacken', classId: 'forskola', org: 'utbildning', staff: 4, privateShare: 1, manager: ['Ida', 'Sandberg'] },
  // Skola (Utbildningsförvaltningen)
  { key: 'stjarnhus', name: 'Stjärnhusskolan', classId: 'skola', org: 'utbildning', staff: 64, manager: ['Johan', 'Lundqvist'] },
  { key: 'ekbacken', name: 'Ekbackens skola', classId: 'skola', org: 'utbildning', staff: 48, manager: ['Mikael', 'Hedlund'] },
  { key: 'lindhagen', name: 'Lindhagensskolan', classId: 'skola', org: 'utbildning', staff: 71, manager: ['Annika', 'Strand'] },
  { key: 'vintervik', name: 'Vinterviksskolan', classId: 'skola', org: 'utbildning', staff: 39, manager: ['Per', 'Engström'] },
  { key: 'fruangsgarden', name: 'Fruängsgårdens skola', classId: 'skola', org: 'utbildning', staff: 55, manager: ['Ulrika', 'Blom'] },
  { key: 'tenstadalen', name: 'Tenstadalens skola', classId: 'skola', org: 'utbildning', staff: 62, manager: ['Ahmed', 'Mahmoud'] },
  { key: 'husbygard', name: 'Husbygårdsskolan', classId: 'skola', org: 'utbildning', staff: 58, manager: ['Camilla', 'Söderberg'] },
  { key: 'arstaang', name: 'Årstaängsskolan', classId: 'skola', org: 'utbildning', staff: 44, manager: ['Fredrik', 'Almgren'] },
  { key: 'norradjurgarden', name: 'Norra Djurgårdens gymnasium', classId: 'skola', org: 'utbildning', staff: 87, manager: ['Katarina', 'von Essen'] },
  { key: 'hammarbyhojden', name: 'Hammarbyhöjdens grundsärskola', classId: 'skola', org: 'utbildning', staff: 23, manager: ['Ola', 'Björk'] },
  { key: 'kunskapsbron', name: 'Friskolan Kunskapsbron', classId: 'skola', org: 'utbildning', staff: 31, privateShare: 0.88, manager: ['Sara', 'Jönsson'] },
  { key: 'montessoriskolan', name: 'Montessoriskolan Kristallen', classId: 'skola', org: 'utbildning', staff: 19, privateShare: 0.45, manager: ['Henrik', 'Dahl'] },
  // Äldreomsorg inkl. myndighetsutövning
  { key: 'nytorget', name: 'Nytorgets vård- och omsorgsboende', classId: 'aldreomsorg', org: 'sodermalm', staff: 76, manager: ['Eva', 'Lönnqvist'] },
  { key: 'hemtjanst-skarholmen', name: 'Hemtjänsten Skärholmen centrum', classId: 'aldreomsorg', org: 'skarholmen', staff: 52, manager: ['Nadia', 'Karimi'] },
  { key: 'solangen', name: 'Solängens vård- och omsorgsboende', classId: 'aldreomsorg', org: 'farsta', staff: 68, manager: ['Birgitta', 'Holm'] },
  { key: 'dagverksamhet-kungsholmen', name: 'Dagverksamheten Fridhemsgården', classId: 'aldreomsorg', org: 'kungsholmen', staff: 8, manager: ['Margareta', 'Svärd'] },
  { key: 'hemtjanst-vallingby', name: 'Hemtjänsten Vällingby norra', classId: 'aldreomsorg', org: 'hasselby-vallingby', staff: 45, manager: ['Zeynep', 'Demir'] },
  { key: 'ekhagen', name: 'Ekhagens vård- och omsorgsboende', classId: 'aldreomsorg', org: 'bromma', staff: 59, manager: ['Lars', 'Ekström'] },
  { key: 'bistand-hagersten', name: 'Biståndsenheten äldre Hägersten-Älvsjö', classId: 'aldreomsorg', org: 'hagersten-alvsjo', staff: 21, manager: ['Malin', 'Persson'] },
  { key: 'vintergatan', name: 'Träffpunkt Vintergatan', classId: 'aldreomsorg', org: 'ostermalm', staff: 4, manager: ['Gunilla', 'Ahlström'] },
  { key: 'trygghemgang', name: 'Trygg hemgång Enskede-Årsta-Vantör', classId: 'aldreomsorg', org: 'enskede-arsta-vantor', staff: 14, manager: ['Tomas', 'Granlund'] },
  { key: 'kontaktcenter-aldre', name: 'Äldre direkt', classId: 'aldreomsorg', org: 'aldre', staff: 17, manager: ['Josefin', 'Mattsson'] },
  { key: 'linnea', name: 'Omsorgshuset Linnéa', classId: 'aldreomsorg', org: 'rinkeby-kista', staff: 37, privateShare: 1, manager: ['Rasmus', 'Kjellberg'] },
  { key: 'korttid-bagarmossen', name: 'Korttidsboendet Bagarmossen', classId: 'aldreomsorg', org: 'skarpnack', staff: 29, manager: ['Agneta', 'Falk'] },
  // Socialtjänst samt stöd och service till personer med funktionsnedsättning
  { key: 'barnungdom-sodermalm', name: 'Barn- och ungdomsenheten Södermalm', classId: 'socialtjanst', org: 'sodermalm', staff: 33, manager: ['Therese', 'Lund'] },
  { key: 'fyrklovern', name: 'Korttidshemmet Fyrklövern', classId: 'socialtjanst', org: 'sodermalm', staff: 16, manager: ['Magnus', 'Östlund'] },
  { key: 'tranbar', name: 'Gruppbostaden Tranbärsvägen', classId: 'socialtjanst', org: 'farsta', staff: 11, manager: ['Hanna', 'Berglund'] },
  { key: 'atelje-bla', name: 'Daglig verksamhet Ateljé Blå', classId: 'socialtjanst', org: 'skarpnack', staff: 12, manager: ['Jonas', 'Wikström'] },
  { key: 'ekbist-rinkeby', name: 'Ekonomiskt bistånd Rinkeby-Kista', classId: 'socialtjanst', org: 'rinkeby-kista', staff: 27, manager: ['Samira', 'Osman'] },
  { key: 'mottagning-spanga', name: 'Mottagningsgruppen barn och unga Spånga-Tensta', classId: 'socialtjanst', org: 'spanga-tensta', staff: 9, manager: ['Erik', 'Nordin'] },
  { key: 'socpsyk-bromma', name: 'Socialpsykiatriska boendet Åkeshov', classId: 'socialtjanst', org: 'bromma', staff: 14, manager: ['Linnea', 'Sundqvist'] },
  { key: 'stodboendet-klara', name: 'Stödboendet Klara', classId: 'socialtjanst', org: 'social', staff: 19, manager: ['Patrik', 'Hellström'] },
  { key: 'socialjouren', name: 'Socialjouren', classId: 'socialtjanst', org: 'social', staff: 42, manager: ['Marie', 'Fransson'] },
  { key: 'familjeenheten-farsta', name: 'Familjeenheten Farsta', classId: 'socialtjanst', org: 'farsta', staff: 15, manager: ['Anders', 'Vikström'] },
  { key: 'assistans-hasselby', name: 'Personlig assistans Hässelby', classId: 'socialtjanst', org: 'hasselby-vallingby', staff: 36, manager: ['Åsa', 'Lindgren'] },
  { key: 'vinga', name: 'Assistansbolaget Vinga', classId: 'socialtjanst', org: 'social', staff: 24, privateShare: 0.72, manager: ['Kristoffer', 'Bäckström'] },
  // Andra verksamheter
  { key: 'kontaktcenter', name: 'Kontaktcenter Stockholm', classId: 'andra', org: 'stadsledning', staff: 58, manager: ['Linda', 'Nordström'] },
  { key: 'servicecenter-lon', name: 'Servicecentrum löneadministration', classId: 'andra', org: 'stadsledning', staff: 34, manager: ['Niklas', 'Berggren'] },
  { key: 'ekonomi-kungsholmen', name: 'Ekonomienheten Kungsholmen', classId: 'andra', org: 'kungsholmen', staff: 3, manager: ['Stefan', 'Lindahl'] },
  { key: 'park-hasselby', name: 'Parkenheten Hässelby-Vällingby', classId: 'andra', org: 'hasselby-vallingby', staff: 10, manager: ['Gustav', 'Ljung'] },
  { key: 'jobbtorg-skarholmen', name: 'Jobbtorg Skärholmen', classId: 'andra', org: 'arbetsmarknad', staff: 22, manager: ['Mona', 'Khalil'] },
  { key: 'vuxenutbildning', name: 'Vuxenutbildningscentrum Kista', classId: 'andra', org: 'arbetsmarknad', staff: 26, manager: ['Daniel', 'Sjöberg'] },
  { key: 'kundservice-steriks', name: 'Kundservice S:t Eriks Kommunservice', classId: 'andra', org: 'steriks', staff: 18, manager: ['Caroline', 'Wester'] },
  { key: 'fastighet-steriks', name: 'Fastighetsdrift S:t Eriks Kommunservice', classId: 'andra', org: 'steriks', staff: 41, manager: ['Mattias', 'Norberg'] },
  { key: 'medborgarkontoret', name: 'Medborgarkontoret Skarpnäck', classId: 'andra', org: 'skarpnack', staff: 7, manager: ['Pernilla', 'Bodin'] },
  { key: 'uppsokande-ostermalm', name: 'Fältassistenterna Östermalm', classId: 'andra', org: 'ostermalm', staff: 6, manager: ['Viktor', 'Hallberg'] },
];

/** A unit of core/model.ts plus the seed's key and the manager's given name and surname. */
export interface SeedUnit extends Unit {
  key: string;
  managerGivenName: string;
  managerSurname: string;
  /** The manager's mobile number (the unit's own number is `phone`). */
  managerPhone: string;
}

function slug(name: string): string {
  return emailLocalPart(name).replace(/\./g, '-');
}

function formatAddress(a: Address): string {
  return `${a.street}, ${a.postalCode} ${a.city}`;
}

export function addressLine(a: Address | undefined): string {
  return a ? formatAddress(a) : '';
}

/**
 * Builds the units with deterministic phones and addresses. Numbers come from the series the Swedish
 * Post and Telecom Authority reserves for fiction (08-465 004 00–99 and 070-174 06 05–99).
 */
export function buildUnits(): SeedUnit[] {
  const random = prng('units');
  return RAW_UNITS.map((raw, index) => {
    const org = organisationByKey(raw.org);
    const street = `${random.pick(org.streets)} ${random.int(1, 48)}`;
    const postal = `${org.postalPrefix} ${String(random.int(20, 79)).padStart(2, '0')}`;
    const city = org.kind === 'district' ? org.area : 'Stockholm';
    const visitingAddress: Address = { street, postalCode: postal, city };
    const postalAddress: Address = random.chance(0.35)
      ? {
          street: `Box ${random.int(1000, 9999)}`,
          postalCode: `${org.postalPrefix} ${String(random.int(10, 19)).padStart(2, '0')}`,
          city,
        }
      : visitingAddress;
    const [given, surname] = raw.manager;
    const managerEmail = `${emailLocalPart(`${given} ${surname}`)}@stockholm.example`;
    const unit: SeedUnit = {
      id: stableId('unit', raw.key),
      key: raw.key,
      name: raw.name,
      classId: raw.classId,
      organisationId: org.id,
      managerName: `${given} ${surname}`,
      managerGivenName: given,
      managerSurname: surname,
      managerEmail,
      managerPhone: `070-174 06 ${String(5 + index).padStart(2, '0')}`,
      email: `${slug(raw.name)}@stockholm.example`,
      phone: `08-465 004 ${String(index).padStart(2, '0')}`,
      postalAddress,
      visitingAddress,
      staffCount: raw.staff,
      ownership: raw.privateShare === undefined ? 'municipal' : 'private',
    };
    if (raw.privateShare !== undefined) unit.stockholmShare = raw.privateShare;
    return unit;
  });
}

/** The plain Unit (core/model.ts) without the seed's extra fields. */
export function toUnit(unit: SeedUnit): Unit {
  const { key: _key, managerGivenName: _g, managerSurname: _s, managerPhone: _p, ...plain } = unit;
  return plain;
}
