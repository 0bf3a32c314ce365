// Carrier compliance keywords (CTIA handbook and US carrier practice). A keyword counts only when
// it is the whole message: "stop by the store" must reach an agent, "Stop." must opt out. The
// gateway classifies an MO with these; the workflow acts on the classification.

export type Keyword = 'STOP' | 'START' | 'HELP';

/** Opt-out: the brief's list plus the spaced and hyphenated OPT OUT and STOP ALL that CTIA names. */
const STOP_WORDS = [
  'STOP',
  'STOPALL',
  'STOP ALL',
  'UNSUBSCRIBE',
  'CANCEL',
  'END',
  'QUIT',
  'OPTOUT',
  'OPT OUT',
  'OPT-OUT',
  'REVOKE',
] as const;
/** Opt back in. YES is here because double opt-in flows ask "reply YES". */
const START_WORDS = ['START', 'YES', 'UNSTOP', 'SUBSCRIBE'] as const;
const HELP_WORDS = ['HELP', 'INFO'] as const;

const TABLE = new Map<string, Keyword>([
  ...STOP_WORDS.map((w) => [w, 'STOP'] as const),
  ...START_WORDS.map((w) => [w, 'START'] as const),
  ...HELP_WORDS.map((w) => [w, 'HELP'] as const),
]);

/**
 * Phones add what people do not mean: full-width letters from CJK keyboards (NFKC folds them),
 * surrounding quotes, a trailing full stop or exclamation mark, doubled spaces.
 */
function normaliseKeywordText(text: string): string {
  return text
    .normalize('NFKC')
    .trim()
    .replace(/^["'“‘]+|["'”’]+$/g, '')
    .replace(/[.!]+$/, '')
    .trim()
    .replace(/\s+/g, ' ')
    .toUpperCase();
}

export function classifyKeyword(text: string): Keyword | null {
  return TABLE.get(normaliseKeywordText(text)) ?? null;
}

export function isOptOut(text: string): boolean {
  return classifyKeyword(text) === 'STOP';
}

export function isOptIn(text: string): boolean {
  return classifyKeyword(text) === 'START';
}
