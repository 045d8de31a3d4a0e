// Mail text handling for intake: HTML → plain text (no DOM, no dependency), folding of case and
// diacritics for matching, and splitting a mail body into the sender's own words, the quoted
// earlier mails of a reply chain, a forwarded mail and the signature. The classifier weighs only
// what the sender wrote now, so a reply quoting a pre-registration is not a second pre-registration.

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  aring: 'å',
  Aring: 'Å',
  auml: 'ä',
  Auml: 'Ä',
  ouml: 'ö',
  Ouml: 'Ö',
  eacute: 'é',
  Eacute: 'É',
  uuml: 'ü',
  Uuml: 'Ü',
  aelig: 'æ',
  oslash: 'ø',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  laquo: '«',
  raquo: '»',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  bull: '•',
  middot: '·',
  shy: '\u00ad',
  zwnj: '\u200c',
  zwj: '\u200d',
  copy: '©',
  euro: '€',
  sect: '§',
  deg: '°',
};

/** Decodes HTML character references (named, decimal, hex); unknown names are left as written. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);?/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (
        !Number.isFinite(code) ||
        code <= 0 ||
        code > 0x10ffff ||
        (code >= 0xd800 && code <= 0xdfff)
      ) {
        return '\ufffd';
      }
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[ref] ?? whole;
  });
}

const BLOCK_TAGS =
  /^(p|div|br|li|ul|ol|tr|table|h[1-6]|blockquote|pre|hr|section|article|header|footer|dd|dt|dl)$/i;

/**
 * Turns an HTML mail body into plain text: drops scripts, styles, comments and head; block elements
 * become line breaks, list items get "- ", table cells a tab; entities are decoded. Quoted mails in
 * `<blockquote>` get "> " prefixes so the quote stripper recognises them.
 */
export function htmlToText(html: string): string {
  let s = html
    .replace(/<!--[\s\S]*?(-->|$)/g, '')
    .replace(
      /<(script|style|head|title|noscript|template|svg|object)\b[\s\S]*?(<\/\1\s*>|$)/gi,
      '',
    );
  const out: string[] = [];
  let quoteDepth = 0;
  const tagRe = /<\/?([a-z][a-z0-9-]*)\b[^>]*>|<[!?][^>]*>/gi;
  let last = 0;
  let m: RegExpExecArray | null;
  const pushText = (t: string) => {
    if (t) out.push(t.replace(/[ \t\r\n\f]+/g, ' '));
  };
  while ((m = tagRe.exec(s)) !== null) {
    pushText(s.slice(last, m.index));
    last = tagRe.lastIndex;
    const name = (m[1] ?? '').toLowerCase();
    const closing = m[0].startsWith('</');
    if (name === 'blockquote') {
      quoteDepth = Math.max(0, quoteDepth + (closing ? -1 : 1));
      out.push(`\n\u{E000}Q${quoteDepth}\u{E000}`);
    } else if (name === 'li' && !closing) {
      out.push('\n- ');
    } else if ((name === 'td' || name === 'th') && !closing) {
      out.push('\t');
    } else if (name === 'li' && closing) {
      // The next item starts its own line; no blank line between items.
    } else if (name && BLOCK_TAGS.test(name)) {
      out.push('\n');
    }
  }
  pushText(s.slice(last));
  s = out.join('');
  // Apply blockquote depth markers as "> " prefixes line by line.
  const lines: string[] = [];
  let depth = 0;
  for (const rawLine of s.split('\n')) {
    let line = rawLine;
    const marker = /\u{E000}Q(\d+)\u{E000}/gu;
    let mm: RegExpExecArray | null;
    while ((mm = marker.exec(line)) !== null) depth = Number(mm[1]);
    line = line.replace(marker, '');
    line = decodeEntities(line)
      .replace(/\u00a0/g, ' ')
      .trim();
    lines.push(depth > 0 && line ? `${'> '.repeat(depth)}${line}` : line);
  }
  return collapseBlankLines(lines.join('\n'));
}

/** Collapses runs of blank lines to one and trims the ends. */
export function collapseBlankLines(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A pattern of whole words over folded text (`fold`): `wholeWords('tack|thanks')`. */
export const wholeWords = (src: string): RegExp => new RegExp(`\\b(?:${src})\\b`);

/**
 * Folds text for comparison: lower case, diacritics removed (å→a, ä→a, ö→o, é→e, ü→u, æ→ae, ø→o),
 * punctuation to spaces, whitespace collapsed. "Förskolan  Solrosen!" → "forskolan solrosen".
 */
export function fold(s: string): string {
  return s
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9§]+/g, ' ')
    .trim();
}

/** Subject prefixes of replies and forwards in Swedish, English and a few other Outlook locales. */
const REPLY_PREFIX = /^(re|sv|svar|aw|antw|vs|r)\s*(\[\d+\])?\s*:/i;
const FORWARD_PREFIX = /^(fw|fwd|vb|vs|wg|tr|vidarebefordrat?)\s*(\[\d+\])?\s*:/i;

export interface SubjectInfo {
  /** The subject without reply/forward prefixes and tags like "[EXTERN]". */
  clean: string;
  isReply: boolean;
  isForward: boolean;
}

/** Strips "SV:", "Re:", "VB:", "Fwd:" (repeated, in any mix) and external-mail tags from a subject. */
export function parseSubject(subject: string): SubjectInfo {
  let s = subject.trim();
  let isReply = false;
  let isForward = false;
  for (let guard = 0; guard < 20; guard++) {
    const before = s;
    s = s.replace(/^\[(extern|external|ext)\]\s*/i, '');
    if (FORWARD_PREFIX.test(s) && !/^vs\s*:/i.test(s)) {
      isForward = true;
      s = s.replace(FORWARD_PREFIX, '').trim();
    } else if (REPLY_PREFIX.test(s)) {
      isReply = true;
      s = s.replace(REPLY_PREFIX, '').trim();
    }
    if (s === before) break;
  }
  return { clean: s, isReply, isForward };
}

/** A line that starts an earlier mail in a reply or forward, as Outlook, Gmail and Apple Mail write it. */
const QUOTE_HEADER_PATTERNS: RegExp[] = [
  /^-{2,}\s*(original message|ursprungligt meddelande|forwarded message|vidarebefordrat meddelande|urspr[uü]ngliche nachricht)\s*-{2,}/i,
  /^_{8,}\s*$/,
  /^(från|from|fr[aå]n)\s*:\s*\S.*$/i,
  /^(on|den|am|le)\s.{3,120}\s(wrote|skrev|schrieb|a écrit)\s*:\s*$/i,
  // Gmail in Swedish names the writer after the verb: "Den tis 2 feb. 2027 kl 09:00 skrev Namn <adress>:".
  /^den\s.{3,80}\skl\.?\s?\d{1,2}[:.]\d{2}\s+skrev\s.{1,160}:\s*$/i,
  /^.{3,120}\s(wrote|skrev)\s*:\s*$/i,
  /^begin forwarded message\s*:/i,
];

/** Headers lines inside a quoted/forwarded block, used to confirm a "Från:" line starts a block. */
const HEADER_LINE = /^(från|from|skickat|sent|date|datum|till|to|kopia|cc|ämne|subject)\s*:/i;

/** Sign-offs after which the rest is the signature (kept apart: it often names the unit). */
const SIGNOFF =
  /^(med )?(vänliga|vanliga|vänlig|vanlig|bästa|basta|varma|varm|glada|glad|många|manga|soliga) häls\w*|^(mvh|vh|hälsningar|halsningar|hälsning|halsning|allt gott|ha det (bra|gott|fint))\b|^(vänligen|vanligen)[,!.]?\s*$|^(trevlig|ha en (fin|bra|trevlig|skön)) (helg|dag|kväll|eftermiddag|vecka)[,!.]?\s*$|^\/\s?\p{Lu}\p{L}+(\s\p{Lu}\p{L}+)?\s*$|^(best|kind|warm|warmest)( regards| wishes)?[,!.]?\s*$|^(regards|cheers|thanks|many thanks|thank you|yours sincerely|sincerely|all the best|yours)[,!.]?\s*$|^tack på förhand|^(skickat från min|sent from my)\b|^--\s*$/iu;

export interface MailParts {
  /** What the sender wrote in this mail, without quotes and signature. */
  own: string;
  /** The signature block (after "Med vänliga hälsningar", "--", "Best regards"). */
  signature: string;
  /** Earlier mails quoted in a reply chain. */
  quoted: string;
  /** The forwarded mail (header and body) when this mail forwards one. */
  forwarded: string;
  /** The "Från:/From:" address of the forwarded or quoted mail, when one is written. */
  originalSender?: { address: string; name?: string };
}

/**
 * Splits a plain-text body into own text, signature, quoted reply chain and forwarded mail.
 * `isForward` comes from the subject: in a forward the block after the first header is the
 * forwarded mail (it matters); in a reply it is the quoted history (it must not dominate).
 */
export function splitMail(body: string, isForward: boolean): MailParts {
  const lines = collapseBlankLines(body ?? '').split('\n');
  let cut = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (line.startsWith('>')) {
      // A run of ">" lines is a quote; treat its first line as the cut unless own text continues after it.
      const rest = lines.slice(i).filter((l) => l.trim() !== '');
      if (rest.every((l) => l.trim().startsWith('>') || isQuoteTail(l))) {
        cut = i;
        break;
      }
      continue;
    }
    if (QUOTE_HEADER_PATTERNS.some((p) => p.test(line))) {
      if (/^(från|from|fr[aå]n)\s*:/i.test(line)) {
        // Only a "Från:" followed by other header lines opens a block; "Från: vår förskola" in prose does not.
        const next = lines.slice(i + 1, i + 5).map((l) => l.trim());
        if (!next.some((l) => HEADER_LINE.test(l))) continue;
      }
      cut = i;
      break;
    }
  }
  const head = lines.slice(0, cut);
  const tail = lines.slice(cut);
  const tailText = tail.join('\n');
  let sigStart = head.length;
  for (let i = 0; i < head.length; i++) {
    if (SIGNOFF.test((head[i] ?? '').trim())) {
      sigStart = i;
      break;
    }
  }
  const own = collapseBlankLines(head.slice(0, sigStart).join('\n'));
  const signature = collapseBlankLines(head.slice(sigStart).join('\n'));
  const originalSender = findHeaderSender(tail);
  const unquoted = collapseBlankLines(tail.map((l) => l.replace(/^(\s*>\s?)+/, '')).join('\n'));
  const parts: MailParts = {
    own,
    signature,
    quoted: isForward ? '' : unquoted,
    forwarded: isForward ? unquoted : '',
  };
  if (originalSender) parts.originalSender = originalSender;
  // A forward with no header block at all: the whole body is what was forwarded.
  if (isForward && !tailText.trim() && !own) parts.forwarded = '';
  return parts;
}

function isQuoteTail(line: string): boolean {
  return QUOTE_HEADER_PATTERNS.some((p) => p.test(line.trim()));
}

const ADDRESS_RE = /[a-z0-9._%+'-]+@[a-z0-9.-]+\.[a-z]{2,}/i;

function findHeaderSender(lines: string[]): { address: string; name?: string } | undefined {
  for (const raw of lines.slice(0, 12)) {
    const line = raw.replace(/^(\s*>\s?)+/, '').trim();
    const m = /^(från|from)\s*:\s*(.*)$/i.exec(line);
    if (!m) continue;
    const value = m[2] ?? '';
    const addr = ADDRESS_RE.exec(value);
    if (!addr) continue;
    const name = value
      .replace(addr[0], '')
      .replace(/[<>"[\]()]|mailto:/gi, '')
      .trim();
    return name ? { address: addr[0].toLowerCase(), name } : { address: addr[0].toLowerCase() };
  }
  return undefined;
}

/** Finds e-mail addresses in text, lower-cased, in order, without duplicates. */
export function findEmailAddresses(text: string): string[] {
  const seen = new Set<string>();
  for (const m of text.matchAll(new RegExp(ADDRESS_RE.source, 'gi'))) {
    seen.add(m[0].toLowerCase().replace(/\.$/, ''));
  }
  return [...seen];
}

/** A case-insensitive whole-word pattern that treats å/ä/ö as letters (JS `\\b` does not). */
export function words(alternatives: string, flags = 'giu'): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, flags);
}

const SV_WORDS = words(
  'och|att|det|som|vi|är|för|med|till|inte|har|vår|våra|hej|tack|anmälan|bidrag|förskola\\p{L}*|enhet\\p{L}*|hälsningar|kommer|skickar|gärna|också|jag|vill',
);
const EN_WORDS = words(
  'the|and|to|we|is|our|for|with|not|have|hello|hi|dear|thanks|thank|regards|would|like|please|submission|registration|attached|will|this|i|you',
);

/** Swedish or English, by counting common words; ties go to Swedish (the city's language). */
export function detectLanguage(text: string): 'sv' | 'en' {
  const sv = text.match(SV_WORDS)?.length ?? 0;
  const en = text.match(EN_WORDS)?.length ?? 0;
  return en > sv * 1.5 && en >= 2 ? 'en' : 'sv';
}

const graphemes =
  typeof Intl !== 'undefined' && 'Segmenter' in Intl
    ? new Intl.Segmenter('sv', { granularity: 'grapheme' })
    : null;

/**
 * The first `max` characters of a text as a person sees them (grapheme clusters: an emoji or a letter
 * with its accents is never cut in half), white space collapsed. `slice(0, max)` would cut UTF-16
 * units and could leave half an emoji, which no JSON column accepts.
 */
export function previewOf(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max && !/[\ud800-\udfff]/.test(flat)) return flat;
  let out = '';
  let n = 0;
  if (graphemes) {
    for (const { segment } of graphemes.segment(flat)) {
      if (n++ >= max) break;
      out += segment;
    }
  } else {
    for (const c of flat) {
      if (n++ >= max) break;
      out += c;
    }
  }
  // A lone surrogate in the source stays a character of its own; the store makes it U+FFFD.
  return out;
}
