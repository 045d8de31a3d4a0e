// The five competition classes ("tävlingsklasser") with their names exactly as the instructions write them.
import { DomainError } from './errors.js';
import type { UnitClass, UnitClassId } from './model.js';

export const UNIT_CLASSES: readonly UnitClass[] = Object.freeze([
  { id: 'forskola', sv: 'Förskola', en: 'Preschool' },
  { id: 'skola', sv: 'Skola', en: 'School' },
  {
    id: 'aldreomsorg',
    sv: 'Äldreomsorg inkl. myndighetsutövning',
    en: 'Elderly care incl. exercise of public authority',
  },
  {
    id: 'socialtjanst',
    sv: 'Socialtjänst samt stöd och service till personer med funktionsnedsättning inkl. myndighetsutövning',
    en: 'Social services, and support and service for people with disabilities, incl. exercise of public authority',
  },
  {
    id: 'andra',
    sv: 'Andra verksamheter',
    en: 'Other operations',
    description: {
      sv: 'Andra verksamheter, såsom administrativa verksamheter, stadens bolag och tekniska verksamheter.',
      en: 'Other operations, such as administrative operations, city-owned companies and technical operations.',
    },
  },
] satisfies UnitClass[]);

export const UNIT_CLASS_IDS: readonly UnitClassId[] = UNIT_CLASSES.map((c) => c.id);

export function isUnitClassId(value: unknown): value is UnitClassId {
  return typeof value === 'string' && (UNIT_CLASS_IDS as readonly string[]).includes(value);
}

/** The class for an id; throws `unknown-class` for anything else (ids come from storage and card data). */
export function classById(id: string): UnitClass {
  const found = UNIT_CLASSES.find((c) => c.id === id);
  if (!found) {
    throw new DomainError(
      'unknown-class',
      {
        sv: `Okänd tävlingsklass "${id}"; kända klasser: ${UNIT_CLASS_IDS.join(', ')}`,
        en: `Unknown class "${id}"; known classes: ${UNIT_CLASS_IDS.join(', ')}`,
      },
      { id },
    );
  }
  return found;
}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * The class a written name means ("Äldreomsorg", "förskola", "Other operations", the id itself), or
 * undefined. Matches the full name or its first words, since people shorten the long class names.
 */
export function findClassByName(name: string): UnitClass | undefined {
  const wanted = normalise(name);
  if (!wanted) return undefined;
  return UNIT_CLASSES.find((c) => {
    const names = [c.id, c.sv, c.en].map(normalise);
    return names.some((n) => n === wanted || n.startsWith(`${wanted} `));
  });
}
