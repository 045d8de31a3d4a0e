// Filing in Outlook, so a coordinator opening the shared mailbox sees what the app understood: a
// category per kind (with its colour in the master list), "Att granska" on mails waiting for a
// coordinator, and handled mails moved into a folder per cycle and kind ("Kvalitetsutmärkelsen
// 2026/Bidrag"). Immutable ids keep a mail's id valid after the move. Every step is idempotent.
import type { CategoryColor } from '@microsoft/microsoft-graph-types';
import { MAIL_KIND_LABELS, type MailKind } from '../../core/intake/index.js';
import { isGraphError, type FilingStep } from '../../graph/index.js';
import type { IntakeContext } from './context.js';

import {
  folderFor,
  LATE_CATEGORY,
  PROBLEM_CATEGORY,
  TRIAGE_CATEGORY,
} from '../../core/intake/filing.js';

export { folderFor, LATE_CATEGORY, PROBLEM_CATEGORY, TRIAGE_CATEGORY };

const COLOURS: Record<MailKind, CategoryColor> = {
  'pre-registration': 'preset4', // green
  withdrawal: 'preset12', // grey
  submission: 'preset7', // blue
  'board-protocol': 'preset8', // purple
  'info-meeting-signup': 'preset5', // teal
  question: 'preset3', // yellow
  'auto-reply': 'preset13', // dark grey
  other: 'preset10', // steel
};

/** Every category intake uses, with its colour (created in the master list at start). */
export function intakeCategories(): { displayName: string; color: CategoryColor }[] {
  return [
    ...(Object.keys(MAIL_KIND_LABELS) as MailKind[]).map((kind) => ({
      displayName: MAIL_KIND_LABELS[kind].category,
      color: COLOURS[kind],
    })),
    { displayName: TRIAGE_CATEGORY, color: 'preset0' }, // red
    { displayName: LATE_CATEGORY, color: 'preset1' }, // orange
    { displayName: PROBLEM_CATEGORY, color: 'preset1' },
  ];
}

export interface Filer {
  ensureCategories(): Promise<void>;
  /**
   * Puts the categories on the mail (keeping others) and moves it to its folder, if any. Pass the
   * categories the mail has now when known (saves reading them again).
   */
  file(
    messageId: string,
    categories: string[],
    folder: string[] | null,
    current?: readonly string[],
  ): Promise<void>;
}

/** Mails filed in one $batch (two calls each: categories, then the move; Graph takes 20 calls). */
const FILE_PER_BATCH = 10;
/** How long a filing waits for others to share its $batch: far below a mail's processing time. */
const LINGER_MS = 25;

export function createFiler(ctx: IntakeContext): Filer {
  const folderIds = new Map<string, Promise<string>>();
  // Folders are created one at a time: two paths share their parent ("Kvalitetsutmärkelsen 2026").
  let creating: Promise<unknown> = Promise.resolve();
  let categoriesReady: Promise<void> | undefined;

  const folderId = (path: string[]): Promise<string> => {
    const key = path.join('/');
    let id = folderIds.get(key);
    if (!id) {
      id = creating
        .catch(() => undefined)
        .then(() => ctx.graph.folders.ensureFolderPath(ctx.mailbox, 'msgfolderroot', path))
        .then((f) => f.id ?? '');
      creating = id;
      id.catch(() => folderIds.delete(key));
      folderIds.set(key, id);
    }
    return id;
  };

  // Mails processed at the same time are filed together: one $batch request for up to ten mails
  // instead of two requests each. Each mail's own promise settles with its own outcome.
  const queue: { step: FilingStep; done: (error?: unknown) => void }[] = [];
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    const jobs = queue.splice(0, FILE_PER_BATCH);
    if (queue.length > 0) timer = setTimeout(flush, 0);
    if (jobs.length === 0) return;
    ctx.graph.messageBatches
      .fileMessages(
        ctx.mailbox,
        jobs.map((j) => j.step),
      )
      .then(
        (outcomes) =>
          // A mail deleted by a coordinator meanwhile: nothing to file.
          jobs.forEach((j, i) => j.done(outcomes[i] === 'gone' ? undefined : outcomes[i])),
        (e: unknown) => jobs.forEach((j) => j.done(e ?? new Error('filing failed'))),
      );
  };
  const fileInBatch = (step: FilingStep) =>
    new Promise<void>((resolve, reject) => {
      queue.push({ step, done: (e) => (e === undefined ? resolve() : reject(e as Error)) });
      if (queue.length >= FILE_PER_BATCH) flush();
      else timer ??= setTimeout(flush, LINGER_MS);
    });

  return {
    ensureCategories() {
      categoriesReady ??= ctx.graph.categories
        .ensureMasterCategories(ctx.mailbox, intakeCategories())
        .then(() => undefined);
      categoriesReady.catch(() => (categoriesReady = undefined));
      return categoriesReady;
    },
    async file(messageId, categories, folder, current) {
      await this.ensureCategories();
      if (current !== undefined) {
        const merged = [...current, ...categories.filter((c) => !current.includes(c))];
        const destinationId = folder ? await folderId(folder) : undefined;
        if (merged.length === current.length && !destinationId) return;
        await fileInBatch({
          messageId,
          ...(merged.length !== current.length ? { categories: merged } : {}),
          ...(destinationId ? { destinationId } : {}),
        });
        return;
      }
      try {
        await ctx.graph.messages.addCategories(ctx.mailbox, messageId, categories);
      } catch (e) {
        // A mail deleted by a coordinator meanwhile: nothing to file.
        if (isGraphError(e, 'not-found')) return;
        throw e;
      }
      if (folder) {
        const destination = await folderId(folder);
        await ctx.graph.messages.moveMessage(ctx.mailbox, messageId, destination);
      }
    },
  };
}

/**
 * Takes off the categories intake put on while the mail waited ("Att granska" and the suggested kind),
 * so a coordinator's corrected kind is the only one shown; others' categories stay.
 */
export async function clearTriageCategories(ctx: IntakeContext, messageId: string): Promise<void> {
  const ours = new Set(intakeCategories().map((c) => c.displayName));
  try {
    const message = await ctx.graph.messages.getMessage(ctx.mailbox, messageId, {
      select: ['categories'],
    });
    const kept = (message.categories ?? []).filter((c) => !ours.has(c));
    if (kept.length !== (message.categories ?? []).length)
      await ctx.graph.messages.updateMessage(ctx.mailbox, messageId, { categories: kept });
  } catch (e) {
    if (!isGraphError(e, 'not-found')) throw e;
  }
}
