// Whether two attached documents are the same application: the identical file attached twice, or one
// text saved both as .docx and as PDF. A PDF's extracted text differs from Word's in line breaks,
// hyphenation and page headers, so the comparison is by overlapping runs of words, not exact text.

const RUN = 5;

function normalized(text: string): string[] {
  return (
    text
      .normalize('NFC')
      .toLowerCase()
      // A word broken over a PDF line ("kvali-\ntet") is one word.
      .replace(/(\p{L})-\s*\n\s*(\p{L})/gu, '$1$2')
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean)
  );
}

function runs(words: string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + RUN <= words.length; i++) out.add(words.slice(i, i + RUN).join(' '));
  if (words.length > 0 && words.length < RUN) out.add(words.join(' '));
  return out;
}

/**
 * True when `a` and `b` are the same text: identical once white space is ignored, or nine in ten of
 * the shorter one's five-word runs are in the other and their lengths differ by less than a fifth.
 */
export function sameDocumentText(a: string, b: string): boolean {
  if (a.replace(/\s+/g, '') === b.replace(/\s+/g, '')) return true;
  const wa = normalized(a);
  const wb = normalized(b);
  if (wa.length === 0 || wb.length === 0) return false;
  const ratio = Math.min(wa.length, wb.length) / Math.max(wa.length, wb.length);
  if (ratio < 0.8) return false;
  const ra = runs(wa);
  const rb = runs(wb);
  const [small, large] = ra.size <= rb.size ? [ra, rb] : [rb, ra];
  let shared = 0;
  for (const r of small) if (large.has(r)) shared++;
  return shared / small.size >= 0.9;
}
