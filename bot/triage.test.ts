import { describe, expect, it } from 'vitest';
import { IntakeError, type TriageItem, type TriageResolution } from '../features/intake/index.js';
import {
  handleTriageAction,
  isTriageCommand,
  refreshedTriageCard,
  triageListCards,
  type TriageBackend,
} from './triage.js';

const item = (n: number): TriageItem => ({
  messageId: `m-${n}`,
  receivedAt: '2027-03-10T09:15:00Z',
  subject: `Mejl ${n}`,
  suggestedKind: 'question',
  confidence: 0.5,
  candidates: [],
  reasons: [],
  triageReasons: [],
});

function backend(items: TriageItem[], fail?: Error) {
  const resolved: TriageResolution[] = [];
  const b: TriageBackend = {
    listTriage: async () => items,
    resolveTriage: async (r) => {
      if (fail) throw fail;
      resolved.push(r);
    },
    units: async () => [{ id: 'u-1', name: 'Förskolan Solrosen' }],
    mayTriage: async () => true,
    outcome: async (id: string) =>
      id === 'm-1'
        ? { waiting: items[0]! }
        : id === 'm-2'
          ? { done: { kind: 'withdrawal' as const, unitId: 'u-1', by: 'Bertil' } }
          : undefined,
  };
  return { b, resolved };
}

describe('triage in the bot', () => {
  it('refreshes a card to show a colleague’s decision', async () => {
    const { b } = backend([item(1)]);
    expect(JSON.stringify(await refreshedTriageCard(b, 'm-2', 'sv'))).toContain(
      'Bertil bestämde: Avanmälan, Förskolan Solrosen.',
    );
    expect(JSON.stringify(await refreshedTriageCard(b, 'm-1', 'sv'))).toContain('triage.apply');
    expect(await refreshedTriageCard(b, 'm-9', 'en')).toBe('The mail no longer exists.');
  });

  it('understands the command in Swedish and English', () => {
    expect(isTriageCommand('granska')).toBe(true);
    expect(isTriageCommand('<at>Kvalitet</at> Triage!')).toBe(true);
    expect(isTriageCommand('granska inte')).toBe(false);
  });

  it('lists at most five cards after a summary', async () => {
    const { b } = backend(Array.from({ length: 8 }, (_, i) => item(i)));
    const cards = await triageListCards(b, 'sv');
    expect(cards).toHaveLength(6);
    expect(cards[0]!.fallbackText).toContain('8 mejl väntar');
  });

  it('applies the chosen kind and unit and answers with who decided', async () => {
    const { b, resolved } = backend([item(1)]);
    const card = await handleTriageAction(
      b,
      'triage.apply',
      { messageId: 'm-1', kind: 'withdrawal', unitId: 'u-1' },
      'Anna',
      'sv',
    );
    expect(resolved).toEqual([{ messageId: 'm-1', kind: 'withdrawal', unitId: 'u-1', by: 'Anna' }]);
    expect(JSON.stringify(card)).toContain('Anna bestämde: Avanmälan, Förskolan Solrosen.');
  });

  it('passes the chosen info meeting on for a signup, and ignores it for another kind', async () => {
    const { b, resolved } = backend([item(1)]);
    const signup = { messageId: 'm-1', unitId: 'u-1', meetingId: 'im-2027-2' };
    await handleTriageAction(
      b,
      'triage.apply',
      { ...signup, kind: 'info-meeting-signup' },
      'Anna',
      'sv',
    );
    await handleTriageAction(b, 'triage.apply', { ...signup, kind: 'question' }, 'Anna', 'sv');
    expect(resolved.map((r) => r.meetingId)).toEqual(['im-2027-2', undefined]);
  });

  it('asks again when no kind was chosen, and passes on intake’s own refusal', async () => {
    const { b, resolved } = backend([item(1)]);
    expect(await handleTriageAction(b, 'triage.apply', { messageId: 'm-1' }, 'Anna', 'sv')).toMatch(
      /Välj vilken typ/,
    );
    expect(resolved).toEqual([]);
    const refused = backend(
      [item(1)],
      new IntakeError('not-in-triage', { sv: 'Redan avgjort.', en: 'Already decided.' }),
    );
    expect(
      await handleTriageAction(
        refused.b,
        'triage.confirm',
        { messageId: 'm-1', kind: 'question' },
        'Anna',
        'en',
      ),
    ).toBe('Already decided.');
  });
});
