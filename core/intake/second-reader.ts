// The intake's second reader: a naive Bayes model of the labelled mail the classifier was measured on
// (every kind, and 'triage' for mail a coordinator had to read). The classifier's rules name what
// they see; where they see too little to be sure (a signup in words no rule knows), the second reader
// says how much the mail resembles earlier mail of the rules' kind. assess.ts lets a mail through
// only when the rules lean to one kind with no doubt of their own and the reader agrees with near
// certainty; it never overrules the rules or lifts a mail the rules doubt.
//
// Hand-written rather than a library's: npm's naive Bayes packages bring their own English
// tokenisers and models, while this one reads our own features (the sender's own words, the
// attachments' types and names, the automatic-reply headers), stays pure and serialisable for
// core/, and is trained in milliseconds, so each measured set is judged by a reader that never saw it.
import type { Classification } from './classify.js';
import type { MailFacts } from './facts.js';

/** What the reader learnt: per feature, the number of labelled mails of each label that had it. */
export interface ReaderModel {
  version: 1;
  labels: string[];
  /** Labelled mails per label (the prior), in `labels` order. */
  mails: number[];
  /** Feature → mails of each label (in `labels` order) that had it. */
  features: Record<string, number[]>;
}

export interface ReaderExample {
  label: string;
  features: readonly string[];
}

/**
 * A mail's features: the words and word pairs of the subject and the sender's own text (quotes,
 * signature and forwarded mail left out, as the rules do), each attachment's type and name words,
 * and the names of its automatic-mail headers.
 */
export function readerFeatures(
  classification: Pick<Classification, 'cleanSubject' | 'parts'>,
  facts: Pick<MailFacts, 'attachments' | 'headers'>,
): string[] {
  const words =
    `${classification.cleanSubject}\n${classification.parts.own}`
      .toLowerCase()
      .match(/[a-zåäöéü]+/g) ?? [];
  const features = new Set<string>();
  words.forEach((word, i) => {
    features.add(word);
    if (i > 0) features.add(`${words[i - 1]}_${word}`);
  });
  for (const a of facts.attachments) {
    if (a.isInline) continue;
    const name = a.name.toLowerCase();
    features.add(`file:${name.includes('.') ? name.split('.').pop() : ''}`);
    for (const word of name.replace(/\.[a-z0-9]+$/, '').match(/[a-zåäöéü]+/g) ?? [])
      features.add(`filename:${word}`);
  }
  for (const h of facts.headers ?? []) features.add(`header:${h.name.toLowerCase()}`);
  return [...features];
}

/**
 * Learns from labelled mails. A feature seen in fewer than `minMails` mails is left out: a word one
 * writer used once says more about that writer than about the kind.
 */
export function trainReader(examples: readonly ReaderExample[], minMails = 2): ReaderModel {
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  const index = new Map(labels.map((l, i) => [l, i]));
  const mails = labels.map(() => 0);
  const counts = new Map<string, number[]>();
  for (const { label, features } of examples) {
    const i = index.get(label)!;
    mails[i]!++;
    for (const f of new Set(features)) {
      const row = counts.get(f) ?? labels.map(() => 0);
      row[i]!++;
      counts.set(f, row);
    }
  }
  const features: Record<string, number[]> = {};
  for (const f of [...counts.keys()].sort()) {
    const row = counts.get(f)!;
    if (row.reduce((n, c) => n + c, 0) >= minMails) features[f] = row;
  }
  return { version: 1, labels, mails, features };
}

/** The model's sums, once per model: the reader runs on every mail. */
const sums = new WeakMap<ReaderModel, { vocabulary: number; total: number; perLabel: number[] }>();
function sumsOf(model: ReaderModel) {
  let s = sums.get(model);
  if (!s) {
    const rows = Object.values(model.features);
    s = {
      vocabulary: rows.length,
      total: model.mails.reduce((n, c) => n + c, 0),
      // Features counted per label, for the smoothing's denominator.
      perLabel: model.labels.map((_, i) => rows.reduce((n, row) => n + row[i]!, 0)),
    };
    sums.set(model, s);
  }
  return s;
}

/** How likely each label is for a mail with these features (the probabilities sum to 1). */
export function readMail(model: ReaderModel, features: readonly string[]): Record<string, number> {
  const { vocabulary, total, perLabel } = sumsOf(model);
  const known = [...new Set(features)].filter((f) => model.features[f]);
  const log = model.labels.map((_, i) => {
    let sum = Math.log(model.mails[i]! / total);
    for (const f of known)
      sum += Math.log((model.features[f]![i]! + 1) / (perLabel[i]! + vocabulary));
    return sum;
  });
  const top = Math.max(...log);
  const z = log.reduce((n, l) => n + Math.exp(l - top), 0);
  return Object.fromEntries(model.labels.map((l, i) => [l, Math.exp(log[i]! - top) / z]));
}
