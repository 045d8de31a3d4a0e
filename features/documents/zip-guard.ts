// Inspects a .docx (a zip) before anyone unpacks it: the central directory's entry count, declared
// sizes and ratios, then every part is inflated once into a counter (never into memory), so a zip
// whose headers lie about sizes is caught too (yauzl checks the real size against the declared one).
// Also tells a real Word document from OpenDocument, Pages or another zip.
import yauzl from 'yauzl';
import type { DocumentLimits } from './limits.js';

export type ZipVerdict =
  | {
      ok: true;
      kind: 'docx' | 'odt' | 'pages' | 'other-zip';
      entries: number;
      uncompressedBytes: number;
    }
  | { ok: false; reason: 'suspicious-archive' | 'unreadable'; detail: string };

interface EntryInfo {
  name: string;
  compressed: number;
  uncompressed: number;
}

function openZip(buffer: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      buffer,
      { lazyEntries: true, validateEntrySizes: true, strictFileNames: false },
      (err, zip) => (err || !zip ? reject(err ?? new Error('no zip')) : resolve(zip)),
    );
  });
}

function listEntries(
  zip: yauzl.ZipFile,
  limits: DocumentLimits,
): Promise<{ entries: (EntryInfo & { entry: yauzl.Entry })[]; stopped?: string }> {
  return new Promise((resolve, reject) => {
    const entries: (EntryInfo & { entry: yauzl.Entry })[] = [];
    let declared = 0;
    zip.on('entry', (entry: yauzl.Entry) => {
      const info = {
        name: entry.fileName,
        compressed: entry.compressedSize,
        uncompressed: entry.uncompressedSize,
        entry,
      };
      entries.push(info);
      declared += info.uncompressed;
      if (entries.length > limits.maxEntries)
        return resolve({ entries, stopped: `more than ${limits.maxEntries} parts` });
      if (declared > limits.maxUncompressedBytes) {
        return resolve({
          entries,
          stopped: `declares more than ${limits.maxUncompressedBytes} bytes unpacked`,
        });
      }
      if (
        info.uncompressed >= limits.ratioCheckFromBytes &&
        info.uncompressed / Math.max(1, info.compressed) > limits.maxCompressionRatio
      ) {
        return resolve({
          entries,
          stopped: `part ${info.name} unpacks ${Math.round(info.uncompressed / Math.max(1, info.compressed))}× (limit ${limits.maxCompressionRatio}×)`,
        });
      }
      zip.readEntry();
    });
    zip.on('end', () => resolve({ entries }));
    zip.on('error', reject);
    zip.readEntry();
  });
}

/** Inflates one part into a byte counter; rejects when the running total passes `budget`. */
function measure(zip: yauzl.ZipFile, entry: yauzl.Entry, budget: number): Promise<number> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(err ?? new Error('no stream'));
      let n = 0;
      stream.on('data', (chunk: Buffer) => {
        n += chunk.length;
        if (n > budget) {
          stream.destroy(new BudgetError(`unpacks to more than the allowed ${budget} bytes`));
        }
      });
      stream.on('end', () => resolve(n));
      stream.on('error', reject);
    });
  });
}

class BudgetError extends Error {}

/** Checks a zip-based document against the limits without keeping what it unpacks. */
export async function inspectZip(buffer: Buffer, limits: DocumentLimits): Promise<ZipVerdict> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(buffer);
  } catch (e) {
    return {
      ok: false,
      reason: 'unreadable',
      detail: `not a readable zip: ${(e as Error).message}`,
    };
  }
  try {
    if (zip.entryCount > limits.maxEntries) {
      return {
        ok: false,
        reason: 'suspicious-archive',
        detail: `${zip.entryCount} parts (limit ${limits.maxEntries})`,
      };
    }
    const { entries, stopped } = await listEntries(zip, limits);
    if (stopped) return { ok: false, reason: 'suspicious-archive', detail: stopped };
    const names = new Set(entries.map((e) => e.name));
    let kind: 'docx' | 'odt' | 'pages' | 'other-zip' = 'other-zip';
    if (
      names.has('word/document.xml') ||
      [...names].some((n) => /^word\/document\d*\.xml$/.test(n))
    )
      kind = 'docx';
    else if (
      names.has('mimetype') &&
      (names.has('content.xml') || names.has('META-INF/manifest.xml'))
    )
      kind = 'odt';
    else if (
      [...names].some((n) => n.startsWith('Index/') && n.endsWith('.iwa')) ||
      names.has('index.xml')
    )
      kind = 'pages';
    // Inflate every part once, counting, so lying headers cannot smuggle a bomb past the checks above.
    let total = 0;
    for (const e of entries) {
      if (e.entry.fileName.endsWith('/')) continue;
      total += await measure(zip, e.entry, limits.maxUncompressedBytes - total);
    }
    return { ok: true, kind, entries: entries.length, uncompressedBytes: total };
  } catch (e) {
    const message = (e as Error).message ?? String(e);
    if (
      e instanceof BudgetError ||
      /too many bytes|too few bytes|size mismatch|expected/i.test(message)
    ) {
      return { ok: false, reason: 'suspicious-archive', detail: message };
    }
    return { ok: false, reason: 'unreadable', detail: message };
  } finally {
    zip.close();
  }
}
