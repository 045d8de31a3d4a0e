// Teams' side of a bot's personal chats in the emulator: one chat per user (whichever way it was
// opened: the app installed through Graph, or the bot creating the conversation), the activities the
// bot posted into it (updates replace the activity they update), and whether the user blocked the bot.
import type * as MG from '@microsoft/microsoft-graph-types';
import { guid } from '../ids.js';
import type { TeamsChatRec } from '../state/model.js';
import type { Store } from '../state/store.js';

export type { TeamsChatRec } from '../state/model.js';

export function chats(store: Store): Record<string, TeamsChatRec> {
  return (store.data.teamsChats ??= {});
}

/** The user's chat with the bot, created on first use. Teams' personal conversation ids start "a:". */
export function chatOf(store: Store, userId: string): TeamsChatRec {
  const all = chats(store);
  return (all[userId] ??= {
    conversationId: `a:${Buffer.from(`${userId}|${guid()}`).toString('base64url')}`,
    userId,
    activities: [],
  });
}

export function chatById(store: Store, conversationId: string): TeamsChatRec | undefined {
  return Object.values(chats(store)).find((c) => c.conversationId === conversationId);
}

export function userOrUndefined(store: Store, idOrUpn: string): MG.User | undefined {
  return store.findUser(idOrUpn);
}

export function changed(store: Store, chat: TeamsChatRec): void {
  store.emit({
    userId: chat.userId,
    kind: 'other',
    changeType: 'updated',
    id: chat.conversationId,
  });
}
