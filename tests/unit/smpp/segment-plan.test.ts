import { describe, expect, it } from 'vitest';
import { decodeShortMessage } from '../../../platform/smpp-codec/data-coding.js';
import { countSegments, planSegments, type SegmentMode } from '../../../platform/smpp-codec/segment-plan.js';
import { segmentText, type OutboundPart } from '../../../platform/smpp-codec/segment.js';
import { parseUdh } from '../../../platform/smpp-codec/udh.js';
import { SEGMENT_TEXTS } from '../../support/segment-texts.js';

// The composer counts with planSegments (no Buffer, runs in the browser) and the gateway sends
// what segmentText encodes from the same plan: on every text the two must agree, part by part.

const bodyOf = (part: OutboundPart): Buffer =>
  part.esmClass & 0x40 ? parseUdh(part.shortMessage)!.payload : part.shortMessage;

const MODES: SegmentMode[] = ['udh8', 'udh16', 'sar'];

describe('planSegments agrees with the real split', () => {
  for (const { name, text, udh8 } of SEGMENT_TEXTS) {
    it(`${name}: ${udh8} part(s) under udh8`, () => {
      expect(countSegments(text)).toBe(udh8);
      for (const mode of MODES) {
        const plan = planSegments(text, mode);
        const sent = segmentText(text, { mode, ref: 42 });
        expect(sent).toHaveLength(plan.parts.length);
        expect(countSegments(text, mode)).toBe(sent.length);
        // Each part carries exactly the planned text, under the planned data_coding.
        expect(sent.map((p) => decodeShortMessage(p.dataCoding, bodyOf(p)))).toEqual(plan.parts);
        expect(sent.every((p) => p.dataCoding === plan.dataCoding)).toBe(true);
        expect(plan.parts.join('')).toBe(text);
      }
    });
  }

  it('payload mode is counted with the 8-bit budget and sent as one submit', () => {
    for (const { text, udh8 } of SEGMENT_TEXTS) {
      expect(countSegments(text, 'payload')).toBe(udh8);
      expect(segmentText(text, { mode: 'payload', ref: 1 })).toHaveLength(1);
    }
  });
});
