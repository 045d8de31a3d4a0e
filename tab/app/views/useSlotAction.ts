// Choosing one of the proposed times (to book or to move a visit): one request at a time, the
// buttons disabled meanwhile, and on failure (a time taken meanwhile answers 409) the server's
// message shown and the proposals fetched afresh.
import { useState } from 'react';

export interface Slot {
  start: string;
  end: string;
}

export function useSlotAction(
  send: (slot: Slot) => Promise<void>,
  onDone: () => void,
  reload: () => void,
): { busy: boolean; error: string | undefined; choose: (slot: Slot) => Promise<void> } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const choose = async (slot: Slot) => {
    setBusy(true);
    setError(undefined);
    try {
      await send(slot);
      onDone();
    } catch (e) {
      setError((e as Error).message);
      reload();
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, choose };
}
