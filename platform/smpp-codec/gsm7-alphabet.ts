// The GSM 03.38 (3GPP TS 23.038) default alphabet and its extension table, without Buffer: what
// a character costs in septets is needed in the browser too (the composer's segment count), while
// encoding and packing (gsm7.ts) stay with the gateway.

/** Index = septet value. 0x1B is the escape to the extension table, never a character of its own. */
export const BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

/** Extension table (after 0x1B). Form feed is the page break some phones render as a new line. */
const EXTENSION: ReadonlyArray<readonly [number, string]> = [
  [0x0a, '\f'],
  [0x14, '^'],
  [0x28, '{'],
  [0x29, '}'],
  [0x2f, '\\'],
  [0x3c, '['],
  [0x3d, '~'],
  [0x3e, ']'],
  [0x40, '|'],
  [0x65, '€'],
];

export const GSM7_ESCAPE = 0x1b;

const encodeBasic = new Map<string, number>();
for (let i = 0; i < BASIC.length; i++) if (i !== GSM7_ESCAPE) encodeBasic.set(BASIC[i]!, i);
const encodeExt = new Map<string, number>(EXTENSION.map(([code, ch]) => [ch, code]));
const decodeExt = new Map<number, string>(EXTENSION);

/** The character an extension code stands for, or undefined. */
export function decodeExtension(code: number): string | undefined {
  return decodeExt.get(code);
}

/** The septets for one character (one code point): [s] or [0x1B, s]; undefined if not GSM. */
export function septetsForChar(ch: string): number[] | undefined {
  const basic = encodeBasic.get(ch);
  if (basic !== undefined) return [basic];
  const ext = encodeExt.get(ch);
  return ext === undefined ? undefined : [GSM7_ESCAPE, ext];
}

export function fitsGsm7(text: string): boolean {
  for (const ch of text) if (septetsForChar(ch) === undefined) return false;
  return true;
}
