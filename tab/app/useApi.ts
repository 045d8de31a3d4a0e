// One way a view reads the tab API: the answer, the server's message when it fails (in the user's
// language, from api.ts), and reload() after the view changed something. A newer request wins: an
// answer for a path the view has left is dropped. `undefined` as the path reads nothing (yet).
import { useCallback, useEffect, useState } from 'react';
import type { Api } from './api.js';

export interface Loaded<T> {
  data?: T;
  error?: string;
  /** Reads the path again, keeping what is shown until the new answer is in. */
  reload: () => void;
}

export function useApi<T>(api: Api, path: string | undefined): Loaded<T> {
  const [state, setState] = useState<{ path?: string; data?: T; error?: string }>({});
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (path === undefined) return;
    let live = true;
    api.get<T>(path).then(
      (data) => live && setState({ path, data }),
      (e: Error) => live && setState((s) => ({ ...s, path, error: e.message })),
    );
    return () => {
      live = false;
    };
  }, [api, path, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  // What an earlier path answered is not this path's answer.
  const current = state.path === path ? state : {};
  return {
    ...(current.data !== undefined ? { data: current.data } : {}),
    ...(current.error !== undefined ? { error: current.error } : {}),
    reload,
  };
}
