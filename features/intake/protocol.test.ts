import { describe, expect, it } from 'vitest';
import type { Organisation } from '../../core/model.js';
import { boardOf } from './protocol.js';

const orgs: Organisation[] = [
  { id: 'norrmalm', name: 'Norrmalms stadsdelsförvaltning', kind: 'district' },
  { id: 'ostermalm', name: 'Östermalms stadsdelsförvaltning', kind: 'district' },
  { id: 'sodermalm', name: 'Södermalms stadsdelsförvaltning', kind: 'district' },
  { id: 'utb', name: 'Utbildningsförvaltningen', kind: 'administration' },
  { id: 'hagersten', name: 'Hägersten-Älvsjö stadsdelsförvaltning', kind: 'district' },
];

describe('the board a protocol excerpt is from', () => {
  it('is found from the board’s name in the text', () => {
    expect(boardOf('Protokollsutdrag\nNorrmalms stadsdelsnämnd\n§ 12', orgs)).toBe('norrmalm');
    expect(boardOf('Södermalms stadsdelsnämnd beslutar', orgs)).toBe('sodermalm');
    expect(boardOf('Utbildningsnämnden beslutar att godkänna', orgs)).toBe('utb');
    expect(boardOf('Hägersten-Älvsjö stadsdelsnämnd', orgs)).toBe('hagersten');
  });

  it('is left open when the text names none or several', () => {
    expect(boardOf('Nämnden beslutar att anmäla följande enheter', orgs)).toBeUndefined();
    expect(
      boardOf('Norrmalms stadsdelsnämnd; kopia till Östermalms stadsdelsnämnd', orgs),
    ).toBeUndefined();
  });
});
