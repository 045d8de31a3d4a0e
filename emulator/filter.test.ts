// The OData $filter subset the emulator understands, evaluated like Graph (case-insensitive strings).
import { describe, expect, it } from 'vitest';
import { parseFilter } from './filter.js';

const msg = {
  isRead: false,
  receivedDateTime: '2026-05-17T21:30:00Z',
  categories: ['Bidrag', 'Att granska'],
  from: { emailAddress: { address: 'Bo.Chef@stockholm.example' } },
  subject: 'Bidrag Förskolan Solen',
};

describe('$filter', () => {
  it.each([
    ['isRead eq false', true],
    ['receivedDateTime ge 2026-05-17T00:00:00Z and receivedDateTime lt 2026-05-18T00:00:00Z', true],
    ["categories/any(c:c eq 'bidrag')", true],
    ["categories/any(c:c eq 'Protokoll')", false],
    ["from/emailAddress/address eq 'bo.chef@stockholm.example'", true],
    ["startswith(subject, 'Bidrag') and not (isRead eq true)", true],
    ["isRead eq true or contains(subject, 'solen')", true],
  ])('%s → %s', (expr, expected) => {
    expect(parseFilter(expr)(msg)).toBe(expected);
  });

  it('rejects a malformed filter with a 400 BadRequest', () => {
    expect(() => parseFilter("subject eq 'unterminated")).toThrow(/Invalid filter/);
  });
});
