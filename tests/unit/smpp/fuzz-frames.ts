import { encodePdu, smppLib } from '../../../smpp-gateway/session/pdu.js';

// Seeded hostile frames for the fuzz tests (unit and over sockets). The seed is fixed so that a
// failure reproduces: rerun with the same seed and count, and frame N is the same frame.

export const FUZZ_SEED = 0x5b_0a_2d_10;

/** mulberry32: small, fast, and the same sequence on every platform. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMAND_IDS = Object.values(smppLib.commandsById).map((d) => d.id >>> 0);
const TLV_TAGS = Object.values(smppLib.tlvsById).map((t) => t.id);

const TEMPLATES = (seq: number): Buffer[] => [
  encodePdu('submit_sm', seq, 0, {
    source_addr: '15557654321',
    destination_addr: '15551230000',
    data_coding: 0,
    short_message: Buffer.from('hello there'),
    esm_class: 0,
  }),
  encodePdu('deliver_sm', seq, 0, {
    source_addr: '15557654321',
    destination_addr: '15551230000',
    esm_class: 0x40,
    data_coding: 8,
    short_message: Buffer.from('0500030a0201004800690021', 'hex'),
  }),
  encodePdu('deliver_sm', seq, 0, {
    esm_class: 0x04,
    short_message: Buffer.from('id:0A1B stat:DELIVRD err:000'),
    receipted_message_id: '0A1B',
    message_state: 2,
  }),
  encodePdu('bind_transceiver', seq, 0, {
    system_id: 'aggregator-b',
    password: 'wrong',
    system_type: '',
    interface_version: 0x34,
  }),
  encodePdu('submit_sm_resp', seq, 0, { message_id: 'abc' }),
  encodePdu('data_sm', seq, 0, { source_addr: '1', destination_addr: '2', message_payload: Buffer.from('payload') }),
];

const CACHED = TEMPLATES(1);
/** The templates with `seq`, as fresh copies (the mutators write into them). */
const valid = (seq: number): Buffer[] =>
  CACHED.map((t) => {
    const c = Buffer.from(t);
    c.writeUInt32BE(seq >>> 0, 12);
    return c;
  });

function header(commandId: number, status: number, seq: number, body: Buffer): Buffer {
  const out = Buffer.alloc(16 + body.length);
  out.writeUInt32BE(out.length, 0);
  out.writeUInt32BE(commandId >>> 0, 4);
  out.writeUInt32BE(status >>> 0, 8);
  out.writeUInt32BE(seq >>> 0, 12);
  body.copy(out, 16);
  return out;
}

/** Frames whose command_length is sound (so a connection survives them) and whose bodies are not. */
export function* hostileFrames(count: number, seed = FUZZ_SEED): Generator<Buffer> {
  const random = prng(seed);
  const int = (n: number) => Math.floor(random() * n);
  const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => int(256)));
  const pick = <T>(xs: T[]): T => xs[int(xs.length)]!;
  for (let i = 0; i < count; i++) {
    const seq = 1 + int(0x7ffffffe);
    const kind = i % 6;
    if (kind === 0) {
      // Every command id, including responses and ones SMPP never defined, with a random body.
      const id = random() < 0.9 ? pick(COMMAND_IDS) : int(0x100000000);
      yield header(id, random() < 0.8 ? 0 : int(0x100), seq, bytes(int(80)));
    } else if (kind === 1) {
      // A valid PDU with some octets changed (length fixed up).
      const frame = pick(valid(seq));
      for (let n = 1 + int(6); n > 0; n--) frame[16 + int(frame.length - 16)] = int(256);
      yield frame;
    } else if (kind === 2) {
      // A valid PDU cut short, then its command_length made to match.
      const frame = pick(valid(seq));
      yield header(frame.readUInt32BE(4), 0, seq, frame.subarray(16, 16 + int(frame.length - 16)));
    } else if (kind === 3) {
      // TLVs of random tags and lengths, often not matching the bytes that follow.
      const base = pick(valid(seq)).subarray(16);
      const tlvs: Buffer[] = [];
      for (let n = int(4); n >= 0; n--) {
        const t = Buffer.alloc(4);
        t.writeUInt16BE(random() < 0.8 ? pick(TLV_TAGS) : int(0x10000), 0);
        const len = int(8);
        t.writeUInt16BE(random() < 0.7 ? len : int(0x10000), 2);
        tlvs.push(t, bytes(random() < 0.5 ? len : int(8)));
      }
      yield header(pick(valid(seq)).readUInt32BE(4), 0, seq, Buffer.concat([base, ...tlvs]));
    } else if (kind === 4) {
      // C-strings without a terminator, or far over their maximum.
      yield header(
        pick([0x04, 0x05, 0x09, 0x02, 0x103, 0x80000004]),
        0,
        seq,
        Buffer.alloc(1 + int(120), 0x41 + int(26)),
      );
    } else {
      // UDH that claims more octets than there are.
      const sm = Buffer.concat([Buffer.from([int(256), 0x00, int(256), int(256), int(256), int(256)]), bytes(int(10))]);
      yield encodePdu('deliver_sm', seq, 0, {
        source_addr: '15557654321',
        destination_addr: '15551230000',
        esm_class: 0x40 | int(256),
        data_coding: pick([0, 3, 4, 8, 0xf0, int(256)]),
        short_message: sm,
      });
    }
  }
}
