// What a user's message asks for. Pure: the text (mention already removed) in, a command out, so
// the routing is testable without the SDK and new commands are one line each.
export type Command =
  { kind: 'help' } | { kind: 'deadlines' } | { kind: 'unrecognised'; text: string };

const WORDS: Record<Exclude<Command['kind'], 'unrecognised'>, readonly string[]> = {
  help: ['hjälp', 'hjalp', 'help', '?', 'meny', 'menu', 'hej', 'hi', 'hello'],
  deadlines: ['tidsplan', 'deadlines', 'deadline', 'datum', 'dates', 'sista dag', 'schedule'],
};

/**
 * A message as a command word: mentions and a leading '/' dropped, spaces collapsed, trailing
 * punctuation removed, lower case ("@Kvalitet Tidsplan!" → "tidsplan").
 */
export function normaliseCommandText(text: string | undefined | null): string {
  return (text ?? '')
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/^\s*\//, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.!?,;:]+$/g, '')
    .toLocaleLowerCase('sv-SE');
}

export function parseCommand(text: string | undefined | null): Command {
  const normalised = normaliseCommandText(text);
  if (normalised === '' || WORDS.help.includes(normalised) || text?.trim() === '?')
    return { kind: 'help' };
  if (WORDS.deadlines.includes(normalised)) return { kind: 'deadlines' };
  return { kind: 'unrecognised', text: (text ?? '').trim() };
}
