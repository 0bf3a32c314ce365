// How long a text may be, in one unit everywhere: Unicode code points, as a person counts
// characters ("😀" is one). The workflow refuses, the API refuses, the composer counts and cuts by
// the same functions, so what the counter allows is exactly what the server accepts.

/** An agent's reply, and (through the demo phone) a customer's text. */
export const MAX_MESSAGE_LENGTH = 1000;

/**
 * The most UTF-16 units a text within the limit can take (every code point outside the BMP is
 * two): the hard stop for a textarea's maxlength, which counts units; the exact cut is clampText.
 */
export const MAX_MESSAGE_UTF16_UNITS = MAX_MESSAGE_LENGTH * 2;

/** Length in code points. */
export function textLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** Within 1..max code points and not only whitespace. */
export function isSendableText(text: string, max = MAX_MESSAGE_LENGTH): boolean {
  return text.trim() !== '' && textLength(text) <= max;
}

/** Cut to `max` code points; never leaves half of a surrogate pair (a broken emoji) behind. */
export function clampText(text: string, max = MAX_MESSAGE_LENGTH): string {
  if (text.length <= max) return text; // fewer units than the limit: fewer code points too
  let end = 0;
  let n = 0;
  for (const ch of text) {
    if (n === max) break;
    end += ch.length;
    n++;
  }
  return text.slice(0, end);
}

/** The refusal both the workflow and the API give, word for word. */
export function tooLongMessage(length: number, max = MAX_MESSAGE_LENGTH): string {
  return `A message is at most ${max} characters (this one has ${length}).`;
}
