import { HEADER_LENGTH, MAX_COMMAND_LENGTH, type FrameError } from './frame.js';

// Incremental framing for a socket. splitFrames over "what was buffered + the new chunk" copies
// the buffered bytes on every chunk, so a 64 KiB PDU trickled one byte per packet costs 2 GiB of
// copying. Here the frame's buffer is allocated once its command_length is known (at most the
// configured maximum) and each octet is copied into it once: the cost is linear in the bytes.

interface PushResult {
  frames: Buffer[];
  /** The stream lost its framing: nothing after this point can be trusted (or is kept). */
  error?: FrameError;
}

const NOTHING: PushResult = Object.freeze({ frames: Object.freeze([]) as unknown as Buffer[] });

export class FrameReader {
  /** The first octets of the next frame while fewer than 4 have come. */
  private readonly head = Buffer.alloc(4);
  private headFilled = 0;
  private frame: Buffer | undefined;
  private filled = 0;
  private failed = false;

  constructor(private readonly maxCommandLength = MAX_COMMAND_LENGTH) {}

  /** Octets held for an incomplete frame (bounded by the maximum command_length). */
  get buffered(): number {
    return this.frame ? this.filled : this.headFilled;
  }

  push(chunk: Buffer): PushResult {
    if (this.failed) return NOTHING;
    let frames: Buffer[] | undefined;
    let at = 0;
    while (at < chunk.length) {
      if (!this.frame) {
        if (this.headFilled === 0 && chunk.length - at >= 4) {
          const error = this.start(chunk.readUInt32BE(at), chunk, at);
          if (error) return { frames: frames ?? [], error };
        } else {
          const n = Math.min(4 - this.headFilled, chunk.length - at);
          chunk.copy(this.head, this.headFilled, at, at + n);
          this.headFilled += n;
          at += n;
          if (this.headFilled < 4) break;
          const error = this.start(this.head.readUInt32BE(0), chunk, at - 4);
          if (error) return { frames: frames ?? [], error };
          this.head.copy(this.frame!, 0);
          this.filled = 4;
          this.headFilled = 0;
          continue;
        }
      }
      const frame = this.frame!;
      const n = Math.min(frame.length - this.filled, chunk.length - at);
      // A native copy costs more than a loop for the few octets a trickling peer sends at once.
      if (n < 32) for (let i = 0; i < n; i++) frame[this.filled++] = chunk[at++]!;
      else {
        chunk.copy(frame, this.filled, at, at + n);
        this.filled += n;
        at += n;
      }
      if (this.filled === frame.length) {
        (frames ??= []).push(frame);
        this.frame = undefined;
        this.filled = 0;
      }
    }
    return frames ? { frames } : NOTHING;
  }

  /** Checks a command_length and allocates its frame; on a bad one, fails the stream for good. */
  private start(commandLength: number, chunk: Buffer, at: number): FrameError | undefined {
    if (commandLength < HEADER_LENGTH || commandLength > this.maxCommandLength) {
      const error: FrameError = { kind: 'bad-length', commandLength };
      // The sequence number, when this chunk holds the whole header, so the nack can carry it.
      if (at >= 0 && chunk.length - at >= HEADER_LENGTH) error.sequence = chunk.readUInt32BE(at + 12);
      this.failed = true;
      this.frame = undefined;
      this.headFilled = 0;
      return error;
    }
    this.frame = Buffer.allocUnsafe(commandLength);
    this.filled = 0;
    return undefined;
  }
}
