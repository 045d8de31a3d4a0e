// Identifiers in the style Graph uses: long base64url immutable ids for Outlook items, GUIDs elsewhere.
import { randomBytes, randomUUID } from 'node:crypto';

/** An Outlook-style immutable id (stable across folder moves). */
export function outlookId(): string {
  return 'AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0A' + randomBytes(24).toString('base64url');
}

export function guid(): string {
  return randomUUID();
}

export function changeKey(): string {
  return 'CQAAABYAAA' + randomBytes(12).toString('base64');
}
