// Who is calling: an app (client credentials), a user through an app (on-behalf-of), or the emulator's own
// admin/test plumbing, which bypasses permission checks.
import type { AppRec } from '../state/model.js';

export type AuthContext =
  | { kind: 'app'; app: AppRec; roles: string[]; tokenId: string }
  | { kind: 'delegated'; app: AppRec; userId: string; scopes: string[]; tokenId: string }
  | { kind: 'system' };
