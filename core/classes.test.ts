import { describe, expect, it } from 'vitest';
import { classById, findClassByName, UNIT_CLASSES } from './classes.js';
import { isDomainError } from './errors.js';

describe('classes', () => {
  it('are the five of the instructions, with their Swedish names exactly', () => {
    expect(UNIT_CLASSES.map((c) => c.sv)).toEqual([
      'Förskola',
      'Skola',
      'Äldreomsorg inkl. myndighetsutövning',
      'Socialtjänst samt stöd och service till personer med funktionsnedsättning inkl. myndighetsutövning',
      'Andra verksamheter',
    ]);
    for (const c of UNIT_CLASSES) expect(c.en.length).toBeGreaterThan(3);
  });

  it('are found by id, refusing unknown ids', () => {
    expect(classById('skola').en).toBe('School');
    let caught: unknown;
    try {
      classById('gymnasium');
    } catch (error) {
      caught = error;
    }
    expect(isDomainError(caught, 'unknown-class')).toBe(true);
  });

  it('are found by written names, shortened or in English', () => {
    expect(findClassByName('Äldreomsorg')?.id).toBe('aldreomsorg');
    expect(findClassByName('socialtjanst')?.id).toBe('socialtjanst');
    expect(findClassByName('FÖRSKOLA')?.id).toBe('forskola');
    expect(findClassByName('Skola')?.id).toBe('skola');
    expect(findClassByName('Other operations')?.id).toBe('andra');
    expect(findClassByName('Gymnasium')).toBeUndefined();
    expect(findClassByName('')).toBeUndefined();
  });
});
