// Lateness is judged by when the unit sent the mail, not when the app got to it: a submission sent at
// 23:59 on deadline day and processed after midnight is on time; one sent at 00:00:10 is late, kept,
// and left to a coordinator to accept or reject (the instructions set no rule for late entries).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIntakeHarness, type IntakeHarness } from './harness.js';
import { applicationDocx, DOCX } from './documents.js';
import { BO, CECILIA, COORD, SHARED } from './tenant.js';

let h: IntakeHarness;
beforeAll(async () => {
  h = await startIntakeHarness({
    // Just after the 2027 submission deadline (17 May kl. 24.00 = 18 May 00:00 Stockholm).
    awardNow: '2027-05-18T00:00:20+02:00',
    async beforeStart({ emulator }) {
      const send = async (
        from: string,
        unit: string,
        manager: string,
        receivedDateTime: string,
      ) => {
        const { bytes } = await applicationDocx({
          name: unit,
          managerName: manager,
          managerEmail: from,
        });
        emulator.admin.deliver({
          to: SHARED,
          from,
          subject: `Tävlingsbidrag ${unit}`,
          body: `Hej! Här är vårt tävlingsbidrag till Kvalitetsutmärkelsen 2027.\n${manager}, ${unit}`,
          receivedDateTime,
          attachments: [
            {
              name: `Bidrag ${unit}.docx`,
              contentType: DOCX,
              contentBytes: bytes.toString('base64'),
            },
          ],
        });
      };
      await send(BO, 'Förskolan Solrosen', 'Bo Berg', '2027-05-17T21:59:30Z'); // 23:59:30
      await send(CECILIA, 'Kastanjeskolan', 'Cecilia Ek', '2027-05-17T22:00:10Z'); // 00:00:10
    },
  });
}, 300_000);
afterAll(async () => {
  await h?.stop();
});

describe('the submission deadline', () => {
  it('counts the sent time: 23:59:30 is on time, 00:00:10 is late', async () => {
    await h.settle();
    const onTime = await h.server.store.submissions.latest('u-solrosen', 2027);
    const late = await h.server.store.submissions.latest('u-kastanjen', 2027);
    expect(onTime?.late).toBe(false);
    expect(late?.late).toBe(true);
    expect((await h.inShared('Tävlingsbidrag Förskolan Solrosen'))?.categories).not.toContain(
      'Försenat',
    );
    const waiting = await h.inShared('Tävlingsbidrag Kastanjeskolan');
    expect(waiting?.categories).toEqual(
      expect.arrayContaining(['Bidrag', 'Att granska', 'Försenat']),
    );
    // Both arrived: the late one is recorded for the coordinators to decide, not dropped, and not
    // counted as submitted before they have.
    expect((await h.server.store.participations.get('u-solrosen', 2027))?.state).toBe('submitted');
    expect((await h.server.store.participations.get('u-kastanjen', 2027))?.state).not.toBe(
      'submitted',
    );
    const item = (await h.intake.listTriage()).find((i) => i.messageId === waiting!.id);
    expect(item?.triageReasons.map((r) => r.sv)).toContain(
      'Inkom 00:00 den 18 maj, efter sista dag 17 maj kl. 24.00 – godta eller avvisa?',
    );
  });

  it("a coordinator's decision accepts the late one: submitted and filed", async () => {
    const waiting = await h.inShared('Tävlingsbidrag Kastanjeskolan');
    await h.intake.resolveTriage({
      messageId: waiting!.id,
      kind: 'submission',
      unitId: 'u-kastanjen',
      by: COORD,
    });
    await h.settle();
    expect((await h.server.store.participations.get('u-kastanjen', 2027))?.state).toBe('submitted');
    const filed = await h.inShared('Tävlingsbidrag Kastanjeskolan');
    expect(filed?.categories).not.toContain('Att granska');
    expect(filed?.folder).toBe('Kvalitetsutmärkelsen 2027/Bidrag');
    // (Both mails arrived before go-live, so neither is answered here; the accepted receipt's
    // wording is core/intake/receipts.test.ts's.)
  });
});
