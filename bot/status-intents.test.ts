import { describe, expect, it } from 'vitest';
import { parseStatusIntent } from './status-intents.js';

const kind = (text: string) => parseStatusIntent(text)?.intent;

describe('status intents', () => {
  it.each(['läget', 'Hur ligger vi till?', 'status', 'lagett', 'how are we doing'])(
    'reads %j as the overview',
    (text) => expect(kind(text)).toEqual({ kind: 'status' }),
  );

  it('reads lists in Swedish and English, with typos, by what they ask for', () => {
    expect(kind('vilka har inte skickat in?')).toMatchObject({ filter: { notSubmitted: true } });
    expect(kind('who has not submitted')).toMatchObject({ filter: { notSubmitted: true } });
    expect(kind('saknas i protokolet')).toMatchObject({ filter: { missingFromProtocol: true } });
    expect(kind('sena bidrag')).toMatchObject({ filter: { problem: 'late' } });
    expect(kind('alla förskolor Södermalm')).toMatchObject({
      kind: 'list',
      filter: { classId: 'forskola' },
      rest: 'sodermalm',
    });
    expect(kind('uppfyller inte villkoren')).toMatchObject({
      filter: { states: ['not-eligible'] },
    });
    expect(kind('intresseanmälda 2027')).toMatchObject({
      year: 2027,
      filter: { states: ['pre-registered'] },
    });
  });

  it("tells a unit manager's and an examiner's questions apart from a unit name", () => {
    expect(kind('vad saknas för oss?')).toEqual({ kind: 'missing' });
    expect(kind("what's missing")).toEqual({ kind: 'missing' });
    expect(kind('mina enheter')).toEqual({ kind: 'mine' });
    expect(kind('exportera deltagarlistan')).toEqual({ kind: 'export' });
    expect(kind('Förskolan Vasaparken')).toEqual({ kind: 'unit', query: 'Förskolan Vasaparken' });
    expect(parseStatusIntent('Förskolan Vasaparken')!.score).toBeLessThan(
      parseStatusIntent('läget')!.score,
    );
    expect(parseStatusIntent('')).toBeUndefined();
  });
});
