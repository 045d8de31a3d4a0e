// Which language to answer in: English when the user's Teams client says English, Swedish otherwise.
import type { Locale } from '../core/model.js';

/** activity.locale is a BCP 47 tag set by the Teams client ("sv-SE", "en-US", "en-GB", ...). */
export function localeOf(tag: string | undefined | null): Locale {
  return typeof tag === 'string' && /^en(-|_|$)/i.test(tag.trim()) ? 'en' : 'sv';
}
