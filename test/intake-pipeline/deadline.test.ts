// Lateness is judged by when the unit sent the mail, not when the app got to it: a submission sent at
// 23:59 on deadline day and processed after midnight is on time; one sent at 00:00:10 is late.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIntakeHarness, type IntakeHarness } from './harness.js';
import { applicationDocx, DOCX } from './documents.js';
import { BO, CECILIA, SHARED } from './tenant.js';

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
}, 60_000);
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
    expect((await h.inShared('Tävlingsbidrag Kastanjeskolan'))?.categories).toContain('Försenat');
    // Both arrived: the late one is recorded for the coordinators to decide, not dropped.
    expect((await h.server.store.participations.get('u-kastanjen', 2027))?.state).toBe('submitted');
  });
});
