// Mail folders of a mailbox: well-known folders by name, child folders listed and created
// idempotently by displayName (folders per award cycle and per kind of mail).
import type { MailFolder } from '@microsoft/microsoft-graph-types';
import { collect, userPath, type Graph } from './client.js';
import { isGraphError } from './errors.js';

export type WellKnownFolder =
  | 'inbox'
  | 'drafts'
  | 'sentitems'
  | 'deleteditems'
  | 'archive'
  | 'junkemail'
  | 'outbox'
  | 'msgfolderroot';

export const FOLDER_SELECT = [
  'id',
  'displayName',
  'parentFolderId',
  'childFolderCount',
  'totalItemCount',
  'unreadItemCount',
] as const;

/** A folder id or a well-known name, as a path segment. */
export const folderSegment = (folder: string) => encodeURIComponent(folder);

export async function getFolder(
  graph: Graph,
  mailbox: string,
  folder: WellKnownFolder | string,
): Promise<MailFolder> {
  return graph.json<MailFolder>({
    path: `${userPath(mailbox)}/mailFolders/${folderSegment(folder)}`,
    query: { $select: [...FOLDER_SELECT] },
  });
}

/** Top-level folders of the mailbox (under msgfolderroot). */
export async function listFolders(graph: Graph, mailbox: string): Promise<MailFolder[]> {
  return collect<MailFolder>(graph, {
    path: `${userPath(mailbox)}/mailFolders`,
    query: { $select: [...FOLDER_SELECT], $top: 100 },
  });
}

export async function listChildFolders(
  graph: Graph,
  mailbox: string,
  parent: WellKnownFolder | string,
): Promise<MailFolder[]> {
  return collect<MailFolder>(graph, {
    path: `${userPath(mailbox)}/mailFolders/${folderSegment(parent)}/childFolders`,
    query: { $select: [...FOLDER_SELECT], $top: 100 },
  });
}

const sameName = (a: string | null | undefined, b: string) =>
  (a ?? '').localeCompare(b, 'sv', { sensitivity: 'accent' }) === 0;

/**
 * The child folder of `parent` named `displayName`, created if missing. Safe to call again or
 * concurrently: a 409 (folder already exists) is answered with the existing folder.
 */
export async function ensureChildFolder(
  graph: Graph,
  mailbox: string,
  parent: WellKnownFolder | string,
  displayName: string,
): Promise<MailFolder> {
  const existing = (await listChildFolders(graph, mailbox, parent)).find((f) =>
    sameName(f.displayName, displayName),
  );
  if (existing) return existing;
  try {
    return await graph.json<MailFolder>({
      method: 'POST',
      path: `${userPath(mailbox)}/mailFolders/${folderSegment(parent)}/childFolders`,
      body: { displayName },
    });
  } catch (e) {
    if (!isGraphError(e, 'conflict')) throw e;
    const again = (await listChildFolders(graph, mailbox, parent)).find((f) =>
      sameName(f.displayName, displayName),
    );
    if (again) return again;
    throw e;
  }
}

/** Ensure a nested path of folders, e.g. ['Kvalitetsutmärkelsen 2026', 'Bidrag'] under the inbox. */
export async function ensureFolderPath(
  graph: Graph,
  mailbox: string,
  parent: WellKnownFolder | string,
  names: string[],
): Promise<MailFolder> {
  let current: MailFolder = { id: parent };
  for (const name of names) current = await ensureChildFolder(graph, mailbox, current.id!, name);
  return current;
}
