// The second reader's lessons from the labelled sets (test/fixtures/mails/sets.ts): each mail's
// features, read as the intake reads them, under its label. The shipped model
// (core/intake/second-reader-model.ts) is trained on every set; the judge trains one without the set
// it measures, so no set is judged by a reader that has seen it.
import { classifyMail } from '../../core/intake/classify.js';
import {
  readerFeatures,
  trainReader,
  type ReaderExample,
  type ReaderModel,
} from '../../core/intake/second-reader.js';
import type { LabelledMail } from '../fixtures/mails/mails.js';
import { LABELLED_SETS, type LabelledSetName } from '../fixtures/mails/sets.js';
import { factsOf } from './facts-of.js';

const examples = new Map<LabelledMail, ReaderExample>();

function exampleOf(mail: LabelledMail): ReaderExample {
  let e = examples.get(mail);
  if (!e) {
    const facts = factsOf(mail);
    e = { label: mail.expected.kind, features: readerFeatures(classifyMail(facts), facts) };
    examples.set(mail, e);
  }
  return e;
}

/** The reader trained on every labelled set but `without` (none left out: the shipped model). */
export function readerTrainedOn(without?: LabelledSetName | string): ReaderModel {
  return trainReader(
    Object.entries(LABELLED_SETS)
      .filter(([name]) => name !== without)
      .flatMap(([, mails]) => mails.map(exampleOf)),
  );
}
