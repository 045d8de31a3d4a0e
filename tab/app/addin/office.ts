// The add-in panes' host: Office.js (loaded from Microsoft's CDN by the page, as add-ins must), the
// local Office stand-in when the page is opened outside Outlook with ?standin (the local mode), and
// promises over Office's callback API. Nothing here decides anything about the award.
/// <reference types="office-js" />

const STANDIN_SCRIPT = '/tab/addin/office-standin.js';

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.appendChild(script);
  });
}

/** Office when the pane runs in Outlook (or beside the stand-in); undefined in a plain browser. */
export async function officeHost(): Promise<typeof Office | undefined> {
  const wantsStandIn = new URLSearchParams(location.search).has('standin');
  const ready = async () => {
    const office = (window as { Office?: typeof Office }).Office;
    if (!office?.onReady) return undefined;
    // Outside Outlook Office.onReady may never settle: do not wait long.
    await Promise.race([office.onReady(), new Promise((r) => setTimeout(r, 3000))]);
    return office.context?.mailbox ? office : undefined;
  };
  const office = await ready();
  if (office || !wantsStandIn) return office;
  await loadScript(STANDIN_SCRIPT);
  return ready();
}

/** An Office async call as a promise (AsyncResult failed: rejected with its message). */
export function call<T>(start: (done: (r: Office.AsyncResult<T>) => void) => void): Promise<T> {
  return new Promise((resolve, reject) =>
    start((r) =>
      r.status === Office.AsyncResultStatus.Succeeded
        ? resolve(r.value)
        : reject(new Error(r.error?.message ?? 'Office call failed')),
    ),
  );
}

/** A requirement set the host supports (Mailbox 1.8 for item ids, NestedAppAuth for NAA). */
export function supports(office: typeof Office, set: string, version: string): boolean {
  try {
    return office.context.requirements.isSetSupported(set, version);
  } catch {
    return false;
  }
}
