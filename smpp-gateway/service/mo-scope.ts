// A listener account's scoping (smpp.listen.accounts[].sourcePrefixes / numbers): what it may
// submit customers' messages for. An account may not speak for numbers that are not its own.

export interface AccountScope {
  /** Customer number prefixes, with or without "+" ("+1555", "44"). */
  sourcePrefixes?: string[] | undefined;
  /** Business numbers, as in numbers[].number. */
  numbers?: string[] | undefined;
}

const digits = (n: string): string => (n.startsWith('+') ? n.slice(1) : n);

/** Which side of the MO is outside the scope ('source' | 'destination'), or undefined when allowed. */
export function inScope(
  scope: AccountScope | undefined,
  from: string,
  to: string,
): 'source' | 'destination' | undefined {
  if (!scope) return undefined;
  if (scope.sourcePrefixes && !scope.sourcePrefixes.some((p) => digits(from).startsWith(digits(p)))) return 'source';
  if (scope.numbers && !scope.numbers.includes(to)) return 'destination';
  return undefined;
}
