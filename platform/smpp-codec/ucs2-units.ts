// UTF-16 units and the atoms segmentation may not split, without Buffer (the composer's segment
// count runs in the browser); the byte encoding is ucs2.ts.

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** Length in 16-bit units, what the 70/67 limits count (an emoji costs two). */
export function ucs2Length(text: string): number {
  return text.length;
}

/**
 * The text as atoms of 16-bit units that must stay together: one unit, or a surrogate pair.
 * Segmentation cuts only between atoms.
 */
export function ucs2Atoms(text: string): string[] {
  const atoms: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (isHighSurrogate(unit) && isLowSurrogate(next)) {
      atoms.push(text.slice(i, i + 2));
      i++;
    } else {
      atoms.push(text[i]!);
    }
  }
  return atoms;
}
