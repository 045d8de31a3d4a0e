// The mailbox intake end to end: managers send mail to the shared mailbox with Graph, and we look only
// where a person would: the reply in the sender's inbox, the categories and folder in the shared
// mailbox, the unit's participation through the app.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApplication, makeDocx } from '../../emulator/seed/index.js';
import { startIntakeHarness, type IntakeHarness } from './harness.js';
import { BO, CECILIA, DANA, SHARED } from './tenant.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

let h: IntakeHarness;
beforeAll(async () => {
  h = await startIntakeHarness();
}, 60_000);
afterAll(async () => {
  await h?.stop();
});

async function application(
  unitName: string,
  managerName: string,
  managerEmail: string,
  chars = 30_000,
) {
  const app = buildApplication({
    unit: {
      name: unitName,
      classId: 'forskola',
      managerName,
      unitPhone: '08-508 111 11',
      managerPhone: '070-111 11 11',
      unitEmail: managerEmail,
      managerEmail,
      postalAddress: 'Box 1, 111 11 Stockholm',
      visitingAddress: 'Solrosvägen 1, Stockholm',
      staffCount: 14,
    },
    year: 2027,
    targetNonSpaceChars: chars,
  });
  return { app, bytes: await makeDocx(app.paragraphs) };
}

describe('intake pipeline', () => {
  it('answers a pre-registration in the thread, files it and pre-registers the unit', async () => {
    await h.send(BO, {
      subject: 'Intresseanmälan Kvalitetsutmärkelsen 2027 – Förskolan Solrosen',
      text: 'Hej!\n\nFörskolan Solrosen vill gärna delta i Kvalitetsutmärkelsen 2027. Vi anmäler härmed vårt intresse.\n\nMed vänliga hälsningar\nBo Berg\nFörskolechef, Förskolan Solrosen',
    });
    await h.settle();

    const replies = (await h.inbox(BO)).filter((m) => /intresseanmälan/i.test(m.subject ?? ''));
    expect(replies).toHaveLength(1);
    expect(replies[0]!.from?.emailAddress?.address).toBe(SHARED);
    expect(replies[0]!.body?.content).toMatch(
      /Tack! Vi har tagit emot intresseanmälan för Förskolan Solrosen/,
    );

    const filed = await h.inShared(
      'Intresseanmälan Kvalitetsutmärkelsen 2027 – Förskolan Solrosen',
    );
    expect(filed?.categories).toContain('Intresseanmälan');
    expect(filed?.folder).toBe('Kvalitetsutmärkelsen 2027/Intresseanmälan');

    const p = await h.server.store.participations.get('u-solrosen', 2027);
    expect(p?.state).toBe('pre-registered');
    expect(p?.history.at(-1)?.source).toEqual({ kind: 'mail', ref: filed!.id });
  });

  it('sends one receipt when Graph delivers the same notification twice', async () => {
    const subject = 'Anmälan av intresse – Kastanjeskolan';
    await h.send(CECILIA, {
      subject,
      text: 'Hej, Kastanjeskolan vill anmäla intresse för att delta i årets kvalitetsutmärkelse.\n\nHälsningar\nCecilia Ek, rektor Kastanjeskolan',
    });
    await h.settle();
    const filed = await h.inShared(subject);
    const sub = h.emulator.admin.subscriptions()[0]!;
    const duplicate = {
      value: [
        {
          subscriptionId: sub.id,
          clientState: sub.clientState,
          changeType: 'created',
          resource: `Users/x/Messages/${filed!.id}`,
          resourceData: { id: filed!.id },
        },
      ],
    };
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${h.server.url}/api/graph/notifications`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(duplicate),
      });
      expect(res.status).toBe(202);
    }
    await h.settle();
    const replies = (await h.inbox(CECILIA)).filter((m) =>
      /intresseanmälan/i.test(m.subject ?? ''),
    );
    expect(replies).toHaveLength(1);
  });

  it('ignores a forged notification (wrong clientState)', async () => {
    const before = await h.server.store.mails.counts();
    const res = await fetch(`${h.server.url}/api/graph/notifications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        value: [
          {
            clientState: 'forged-state',
            changeType: 'created',
            resourceData: { id: 'AAMk-forged' },
          },
        ],
      }),
    });
    expect(res.status).toBeLessThan(500);
    await h.settle();
    expect(await h.server.store.mails.counts()).toEqual(before);
    expect(
      await h.server.store.mails.get({ mailbox: SHARED, messageId: 'AAMk-forged' }),
    ).toBeUndefined();
  });

  it('checks a submission and answers with the character count', async () => {
    const { app, bytes } = await application('Äldreboendet Linden', 'Dana Lind', DANA, 30_000);
    await h.send(DANA, {
      subject: 'Tävlingsbidrag Kvalitetsutmärkelsen 2027 – Äldreboendet Linden',
      text: 'Hej!\n\nHär kommer vårt tävlingsbidrag till Kvalitetsutmärkelsen 2027.\n\nVänliga hälsningar\nDana Lind\nEnhetschef, Äldreboendet Linden',
      attachments: [{ name: 'Bidrag Äldreboendet Linden 2027.docx', contentType: DOCX, bytes }],
    });
    await h.settle();

    const reply = (await h.inbox(DANA)).find((m) => /bidrag/i.test(m.subject ?? ''));
    expect(reply).toBeDefined();
    const count = app.nonSpaceCharacters.toLocaleString('sv-SE').replace(/\s/g, '\u00a0');
    expect(reply!.body?.content?.replace(/&nbsp;|\u00a0/g, '\u00a0')).toContain(count);

    const filed = await h.inShared(
      'Tävlingsbidrag Kvalitetsutmärkelsen 2027 – Äldreboendet Linden',
    );
    expect(filed?.categories).toContain('Bidrag');
    expect(filed?.folder).toBe('Kvalitetsutmärkelsen 2027/Bidrag');
    const p = await h.server.store.participations.get('u-linden', 2027);
    expect(p?.state).toBe('submitted');
    expect(p?.history.at(-1)?.source.ref).toBe(filed!.id);
    const versions = await h.server.store.submissions.list('u-linden', 2027);
    expect(versions[0]?.characterCount).toBe(app.nonSpaceCharacters);
  });
});
