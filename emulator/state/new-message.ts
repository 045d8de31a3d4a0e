// What a message Exchange has just put in a mailbox looks like before anyone touches it, and the
// Message-ID it is given, in one place for every way mail arrives (seeded, sent, delivered, bounced).
import { guid } from '../ids.js';
import type { MessageFields } from './model.js';

/** A fresh object each time: the arrays are the message's own. */
export function unreadMessageState(): Pick<
  MessageFields,
  'isRead' | 'isDraft' | 'importance' | 'categories' | 'flag' | 'inferenceClassification'
> {
  return {
    isRead: false,
    isDraft: false,
    importance: 'normal',
    categories: [],
    flag: { flagStatus: 'notFlagged' },
    inferenceClassification: 'focused',
  };
}

/** An RFC 5322 Message-ID in the given domain, as Exchange assigns one. */
export function newInternetMessageId(domain: string): string {
  return `<${guid().replace(/-/g, '')}@${domain}>`;
}
