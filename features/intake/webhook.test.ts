import { describe, expect, it } from 'vitest';
import { clientStateMatches, workFor } from './webhook.js';

describe('notifications', () => {
  it('accepts only the exact clientState', () => {
    expect(clientStateMatches('secret-state-1234', 'secret-state-1234')).toBe(true);
    expect(clientStateMatches('secret-state-1234', 'secret-state-123')).toBe(false);
    expect(clientStateMatches('secret-state-1234', undefined)).toBe(false);
    expect(clientStateMatches('', '')).toBe(false);
  });

  it('turns created notifications into one piece of work per mail, duplicates dropped', () => {
    expect(
      workFor([
        { changeType: 'created', resourceData: { id: 'A' } },
        { changeType: 'created', resourceData: { id: 'A' } },
        { changeType: 'created', resource: "Users('x')/Messages('B')" },
        { changeType: 'created', resource: 'Users/x/Messages/C' },
      ]),
    ).toEqual([
      { kind: 'mail', messageId: 'A' },
      { kind: 'mail', messageId: 'B' },
      { kind: 'mail', messageId: 'C' },
    ]);
  });

  it('maps lifecycle events to renewal, recreation and a delta resync', () => {
    expect(
      workFor([
        { lifecycleEvent: 'reauthorizationRequired', subscriptionId: 's1' },
        { lifecycleEvent: 'subscriptionRemoved', subscriptionId: 's2' },
        { lifecycleEvent: 'missed', subscriptionId: 's1' },
      ]),
    ).toEqual([
      { kind: 'renew', subscriptionId: 's1' },
      { kind: 'recreate', subscriptionId: 's2' },
      { kind: 'resync' },
    ]);
  });

  it('resyncs when a notification does not say which mail', () => {
    expect(workFor([{ changeType: 'created' }])).toEqual([{ kind: 'resync' }]);
  });
});
