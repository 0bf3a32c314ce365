// Client-side filtering for the Transfer, Conference and Wrap Up Reasons dialogs: what the agent
// types narrows the list at once, without a round trip per key. Matching ignores case and accents
// ("jose" finds "José") and every word must match somewhere in the name.

export function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase()
    .trim();
}

export function matches(name: string, query: string): boolean {
  const words = normalise(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = normalise(name);
  return words.every((word) => haystack.includes(word));
}

export function filterByName<T extends { name: string }>(items: readonly T[], query: string): T[] {
  return items.filter((item) => matches(item.name, query));
}
