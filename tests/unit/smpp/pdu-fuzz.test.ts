import { describe, expect, it } from 'vitest';
import { decodeUserData } from '../../../platform/smpp-codec/user-data.js';
import { parseReceipt } from '../../../platform/smpp-codec/receipt.js';
import { toShortMessage } from '../../../smpp-gateway/session/messages.js';
import { decodePdu, PduDecodeError } from '../../../smpp-gateway/session/pdu.js';
import { FUZZ_SEED, hostileFrames } from './fuzz-frames.js';

// 120,000 seeded frames through the whole receive path short of I/O: decodePdu, then for
// messages toShortMessage, decodeUserData and parseReceipt. Only PduDecodeError may come out.
const COUNT = 120_000;

describe(`decoder fuzz (seed 0x${FUZZ_SEED.toString(16)}, ${COUNT} frames)`, () => {
  it('never throws anything but PduDecodeError, and each of those carries a status', () => {
    const outcomes = { decoded: 0, refused: 0 };
    let index = 0;
    for (const frame of hostileFrames(COUNT)) {
      try {
        const pdu = decodePdu(frame);
        outcomes.decoded++;
        if (pdu.command === 'deliver_sm' || pdu.command === 'submit_sm' || pdu.command === 'data_sm') {
          const sm = toShortMessage(pdu);
          decodeUserData(
            {
              esmClass: sm.esmClass,
              dataCoding: sm.dataCoding,
              shortMessage: sm.shortMessage,
              ...(sm.messagePayload ? { messagePayload: sm.messagePayload } : {}),
            },
            { gsmPacked: index % 2 === 0 },
          );
          if (sm.isReceipt) parseReceipt({ esmClass: sm.esmClass, text: sm.shortMessage.toString('latin1') });
        }
      } catch (error) {
        if (!(error instanceof PduDecodeError))
          throw new Error(`frame ${index} (${frame.toString('hex')}) threw ${String(error)}`);
        expect(error.status).toBeGreaterThan(0);
        outcomes.refused++;
      }
      index++;
    }
    expect(outcomes.decoded + outcomes.refused).toBe(COUNT);
    // Both paths are exercised: the fuzzer is neither all-garbage nor all-valid.
    expect(outcomes.decoded).toBeGreaterThan(COUNT / 10);
    expect(outcomes.refused).toBeGreaterThan(COUNT / 10);
    console.log(
      `decoder fuzz: ${COUNT} frames, ${outcomes.decoded} decoded, ${outcomes.refused} refused with PduDecodeError`,
    );
  }, 120_000);
});
