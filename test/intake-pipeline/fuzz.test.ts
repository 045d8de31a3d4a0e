// Random Unicode through the whole intake (seeded, so a failure repeats): lone surrogates, NUL,
// right-to-left marks, combining characters and emoji in subjects, bodies, file names and sender
// names. Every mail ends processed or waiting in triage; none fails, none is lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARED, BO, CECILIA, DANA, ERIK } from './tenant.js';
import { startIntakeHarness, type IntakeHarness } from './harness.js';
import { applicationDocx, DOCX } from './documents.js';

const SEED = 20270517;
const MAILS = 24;

let h: IntakeHarness;
beforeAll(async () => {
  h = await startIntakeHarness();
}, 300_000);
afterAll(async () => {
  await h?.stop();
});

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rnd = mulberry32(SEED);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

/** Pieces that break naive text handling, mixed with words the classifier knows. */
const NASTY = [
  '\u0000',
  '\ud83d', // a lone high surrogate
  '\ude00', // a lone low surrogate
  '😀',
  '👩‍👩‍👧',
  '\u200f', // right-to-left mark
  '\u202e', // right-to-left override
  'مرحبا',
  'e\u0301', // e + combining acute
  '\u0308\u0308\u0308',
  '\ufeff',
  '\u2028',
  '\t',
  '\r\n',
  '<script>x</script>',
  '"\'\\',
  '%00',
  '\u00ad',
];
const WORDS = [
  'Intresseanmälan',
  'Tävlingsbidrag',
  'Avanmälan',
  'Kvalitetsutmärkelsen 2027',
  'Förskolan Solrosen',
  'Kastanjeskolan',
  'Äldreboendet Linden',
  'fråga',
  'hej',
  'vi vill delta',
];

function nastyText(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += rnd() < 0.4 ? pick(NASTY) : `${pick(WORDS)} `;
  return out;
}

describe('random Unicode through the intake', () => {
  it(`${MAILS} mails (seed ${SEED}) all end processed or in triage`, async () => {
    const { bytes } = await applicationDocx(
      { name: 'Förskolan Solrosen', managerName: 'Bo Berg', managerEmail: BO },
      { chars: 5_000 },
    );
    const subjects: string[] = [];
    for (let i = 0; i < MAILS; i++) {
      const subject = `${nastyText(3 + Math.floor(rnd() * 6))} #${i}`;
      subjects.push(subject);
      // A long body puts a surrogate pair or a NUL across the preview's cut sooner or later.
      const body = nastyText(40 + Math.floor(rnd() * 120));
      const withFile = rnd() < 0.4;
      h.emulator.admin.deliver({
        to: SHARED,
        from: { name: nastyText(2), address: pick([BO, CECILIA, DANA, ERIK]) },
        subject,
        body: rnd() < 0.3 ? { contentType: 'html', content: `<p>${body}</p>` } : body,
        ...(withFile
          ? {
              attachments: [
                {
                  name: `${nastyText(2)}.docx`,
                  contentType: DOCX,
                  contentBytes: bytes.toString('base64'),
                },
              ],
            }
          : {}),
      });
    }
    await h.settle();
    const mails = await h.server.store.mails.list({ mailbox: SHARED, limit: 1000 });
    expect(mails.length).toBeGreaterThanOrEqual(MAILS);
    const stuck = mails.filter((m) => m.status !== 'processed' && m.status !== 'triage');
    expect(
      stuck.map((m) => `${m.status}: ${m.error ?? ''}`),
      'every mail processed or in triage',
    ).toEqual([]);
    // What a coordinator lists shows no NUL and no half characters.
    const triage = await h.intake.listTriage({ limit: 100 });
    const shown = JSON.stringify(triage);
    expect(shown).not.toContain('\\u0000');
    expect(shown).not.toMatch(/\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f])/i);
  }, 240_000);
});
