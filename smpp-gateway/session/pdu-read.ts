import { CSTRING_LIMITS, DEFAULT_CSTRING_LIMIT, TLV_WIDTHS } from '../../platform/smpp-codec/field-limits.js';

// Bounded readers for PDU fields. The `smpp` package's readers index past the end of a field (a
// C-string runs on to the next NUL anywhere in the buffer, an int16 TLV of length 0 reads the next
// frame's bytes or throws RangeError), so every read here checks its bounds first and reports a
// problem as a value, never by throwing.

export type FieldKind = 'int8' | 'int16' | 'int32' | 'cstring' | 'string' | 'buffer' | 'other';

type ReadResult = { ok: true; value: unknown; next: number } | { ok: false; why: string; status: number };

const ESME_RINVCMDLEN = 0x02;
const ESME_RINVTLVLEN = 0xc2;

const fail = (why: string, status = ESME_RINVCMDLEN): ReadResult => ({ ok: false, why, status });

/** A mandatory parameter at `offset`, which must end at or before `end`. */
export function readMandatory(frame: Buffer, offset: number, end: number, kind: FieldKind, name: string): ReadResult {
  const width = TLV_WIDTHS[kind];
  if (width !== undefined) {
    if (offset + width > end) return fail(`${name} runs past command_length`);
    const value =
      width === 1 ? frame.readUInt8(offset) : width === 2 ? frame.readUInt16BE(offset) : frame.readUInt32BE(offset);
    return { ok: true, value, next: offset + width };
  }
  if (kind === 'cstring') {
    const limit = CSTRING_LIMITS[name] ?? DEFAULT_CSTRING_LIMIT;
    const stop = Math.min(end, offset + limit.max);
    const nul = frame.subarray(offset, stop).indexOf(0);
    if (nul < 0)
      return fail(
        stop < end ? `${name} longer than ${limit.max - 1} characters` : `${name} has no terminator`,
        stop < end ? limit.status : ESME_RINVCMDLEN,
      );
    return { ok: true, value: frame.toString('ascii', offset, offset + nul), next: offset + nul + 1 };
  }
  if (kind === 'string' || kind === 'buffer') {
    if (offset + 1 > end) return fail(`${name} runs past command_length`);
    const length = frame.readUInt8(offset);
    if (offset + 1 + length > end) return fail(`${name} (${length} octets) runs past command_length`);
    const bytes = frame.subarray(offset + 1, offset + 1 + length);
    return {
      ok: true,
      value: kind === 'string' ? bytes.toString('ascii') : Buffer.from(bytes),
      next: offset + 1 + length,
    };
  }
  return fail(`${name}: unsupported field type`);
}

/** A TLV's value of `size` octets at `offset` (already known to lie inside the frame). */
export function readTlvValue(frame: Buffer, offset: number, size: number, kind: FieldKind, name: string): ReadResult {
  const width = TLV_WIDTHS[kind];
  if (width !== undefined) {
    if (size !== width) return fail(`TLV ${name} has length ${size}, its type needs ${width}`, ESME_RINVTLVLEN);
    const value =
      width === 1 ? frame.readUInt8(offset) : width === 2 ? frame.readUInt16BE(offset) : frame.readUInt32BE(offset);
    return { ok: true, value, next: offset + size };
  }
  const bytes = frame.subarray(offset, offset + size);
  if (kind === 'cstring') {
    if (size === 0 || bytes[size - 1] !== 0 || bytes.indexOf(0) !== size - 1)
      return fail(`TLV ${name} is not one NUL-terminated string`, ESME_RINVTLVLEN);
    return { ok: true, value: bytes.toString('ascii', 0, size - 1), next: offset + size };
  }
  if (kind === 'string') return { ok: true, value: bytes.toString('ascii'), next: offset + size };
  // Copied: a PDU kept for reassembly must not pin the whole socket chunk it arrived in.
  return { ok: true, value: Buffer.from(bytes), next: offset + size };
}
