// UCS-2 as SMPP carriers really use it: UTF-16BE. Handsets send emoji as surrogate pairs under
// data_coding 8, so we never reject or split a pair; strict UCS-2 (BMP only) would lose them.

export { ucs2Atoms, ucs2Length } from './ucs2-units.js';

/** UTF-16BE. JavaScript strings already hold UTF-16 units, so pairs pass through unchanged. */
export function encodeUcs2(text: string): Buffer {
  const out = Buffer.alloc(text.length * 2);
  for (let i = 0; i < text.length; i++) out.writeUInt16BE(text.charCodeAt(i), i * 2);
  return out;
}

/**
 * Decodes UTF-16BE. A trailing odd octet (a truncated unit) is dropped rather than thrown on, and a
 * lone surrogate is kept as is so that joining the text of adjacent parts can still pair it up.
 */
export function decodeUcs2(bytes: Buffer): string {
  const units = Math.floor(bytes.length / 2);
  let out = '';
  // Chunked to keep String.fromCharCode's argument list well under engine limits.
  for (let start = 0; start < units; start += 4096) {
    const end = Math.min(units, start + 4096);
    const chunk: number[] = [];
    for (let i = start; i < end; i++) chunk.push(bytes.readUInt16BE(i * 2));
    out += String.fromCharCode(...chunk);
  }
  return out;
}
