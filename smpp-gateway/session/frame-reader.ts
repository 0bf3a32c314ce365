import { HEADER_LENGTH, MAX_PDU_LENGTH } from './pdu.js';

/** Accumulates TCP chunks into whole PDU frames. TEMPORARY until codec/frame.ts (splitFrames) lands. */
export class FrameReader {
  private buffered: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): { frames: Buffer[]; error?: string } {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    const frames: Buffer[] = [];
    while (this.buffered.length >= 4) {
      const length = this.buffered.readUInt32BE(0);
      if (length < HEADER_LENGTH || length > MAX_PDU_LENGTH) return { frames, error: `command_length ${length}` };
      if (this.buffered.length < length) break;
      frames.push(this.buffered.subarray(0, length));
      this.buffered = this.buffered.subarray(length);
    }
    return { frames };
  }
}
