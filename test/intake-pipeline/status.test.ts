// The status card after a scripted set of mails: units pre-register, one submits, one withdraws, a
// stranger writes; intake processes them as in production, and the coordinator's "läget" in Teams
// shows exactly what storage holds (the same numbers the tab's status API serves).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParticipationState } from '../../core/model.js';
import { createStatusFeature } from '../../server/jobs/status.js';
import { postActivity, teamsMessage } from '../server/harness.js';
import { applicationDocx, DOCX } from './documents.js';
import { startIntakeHarness, type IntakeHarness } from './harness.js';
import { BO, CECILIA, COORD_ID, DANA, ERIK, units } from './tenant.js';

let h: IntakeHarness;
beforeAll(async () => {
  h = await startIntakeHarness({ features: [createStatusFeature()] });
}, 300_000);
afterAll(async () => {
  await h?.stop();
});

const ANNA = { id: '29:anna', name: 'Anna Samordnare', aadObjectId: COORD_ID };

describe('the status card after a day of mail', () => {
  it('counts what storage holds', async () => {
    await h.send(BO, {
      subject: 'Intresseanmälan Kvalitetsutmärkelsen 2027 – Förskolan Solrosen',
      text: 'Hej!\n\nFörskolan Solrosen vill gärna delta i Kvalitetsutmärkelsen 2027. Vi anmäler härmed vårt intresse.\n\nMed vänliga hälsningar\nBo Berg\nFörskolechef, Förskolan Solrosen',
    });
    await h.send(CECILIA, {
      subject: 'Intresseanmälan',
      text: 'Hej, Kastanjeskolan vill anmäla intresse för att delta i årets kvalitetsutmärkelse.\n\nHälsningar\nCecilia Ek, rektor Kastanjeskolan',
    });
    await h.send(ERIK, {
      subject: 'Pre-registration for the Quality Award 2027',
      text: 'Hello,\n\nHemtjänsten Hamnen would like to take part in the Quality Award 2027. Please register our interest.\n\nKind regards\nErik Holm, unit manager, Hemtjänsten Hamnen',
    });
    const linden = units.find((u) => u.managerEmail === DANA)!;
    const { bytes } = await applicationDocx(linden, { chars: 30_000 });
    await h.send(DANA, {
      subject: 'Tävlingsbidrag Kvalitetsutmärkelsen 2027 – Äldreboendet Linden',
      text: 'Hej!\n\nHär kommer vårt tävlingsbidrag till Kvalitetsutmärkelsen 2027.\n\nVänliga hälsningar\nDana Lind\nEnhetschef, Äldreboendet Linden',
      attachments: [{ name: 'Bidrag Äldreboendet Linden 2027.docx', contentType: DOCX, bytes }],
    });
    await h.settle();
    await h.send(ERIK, {
      subject: 'Avanmälan Kvalitetsutmärkelsen 2027',
      text: 'Hej! Hemtjänsten Hamnen drar tyvärr tillbaka sin intresseanmälan till Kvalitetsutmärkelsen 2027, vi hinner inte i år.\n\nErik Holm, enhetschef Hemtjänsten Hamnen',
    });
    await h.settle();

    const stored = await h.server.store.participations.list({ year: 2027 });
    expect(stored.length).toBeGreaterThanOrEqual(3); // the mails did land
    const count = (s: ParticipationState) => stored.filter((p) => p.state === s).length;
    const reached = (s: ParticipationState) =>
      stored.filter((p) => p.history.some((t) => t.to === s)).length;

    const res = await postActivity(h.server, teamsMessage('läget', { from: ANNA }));
    expect(res.status).toBe(200);
    const card = (
      res.body as { activities: { attachments?: { content: { body: unknown[] } }[] }[] }
    ).activities[0]!.attachments![0]!.content;
    const facts = Object.fromEntries(
      (card.body as { type: string; facts?: { title: string; value: string }[] }[])
        .filter((e) => e.type === 'FactSet')
        .flatMap((e) => e.facts!.map((f) => [f.title, f.value])),
    );
    expect(facts['Bidrag inskickade']).toBe(String(reached('submitted')));
    expect(facts['Med i protokoll']).toBe(String(reached('in-protocol')));
    if (count('pre-registered') > 0)
      expect(facts['Intresseanmälda']).toBe(String(count('pre-registered')));
    if (count('withdrawn') > 0) expect(facts['Avanmälda']).toBe(String(count('withdrawn')));
    expect(facts['Saknas i protokoll']).toBe(
      String(
        stored.filter(
          (p) =>
            (p.state === 'pre-registered' || p.state === 'submitted') &&
            !p.history.some((t) => t.to === 'in-protocol'),
        ).length,
      ),
    );
    expect(reached('submitted')).toBe(1);
    expect(count('withdrawn')).toBe(1);
  });
});
