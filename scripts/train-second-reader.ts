// Trains the intake's second reader on every labelled set of mail and writes the shipped model,
// core/intake/second-reader-model.ts (`npm run train:reader`). Run it after adding or relabelling
// mail in test/fixtures/mails/; test/intake/second-reader.test.ts fails until then.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readerTrainedOn } from '../test/intake/reader-training.js';
import { modelSource } from '../test/intake/reader-source.js';

const target = fileURLToPath(new URL('../core/intake/second-reader-model.ts', import.meta.url));
const model = readerTrainedOn();
writeFileSync(target, modelSource(model));
console.log(
  `second reader: ${model.mails.reduce((n, c) => n + c, 0)} labelled mails, ${Object.keys(model.features).length} features → ${target}`,
);
