// Where an outbound text is cut into SMS parts, without Buffer: segment.ts encodes exactly these
// parts for the carrier, and the agent's composer shows how many there will be, so the count on
// screen and the real split cannot disagree.
import { septetsForChar } from './gsm7-alphabet.js';
import { ucs2Atoms } from './ucs2-units.js';

export type SegmentMode = 'udh8' | 'udh16' | 'sar' | 'payload';

export interface SegmentPlan {
  /** 0: GSM 03.38 (septets), 8: UCS-2 (16-bit units). */
  dataCoding: 0 | 8;
  /** The text of each part, cut only between atoms (an escape pair, a surrogate pair stay whole). */
  parts: string[];
}

// A part holds at most 140 octets on the air. Single: 160 septets / 70 units. With the 6-octet
// UDH (8-bit ref): 153 / 67; the 7-octet UDH (16-bit ref) costs one more septet or unit.
const SINGLE = { gsm: 160, ucs2: 70 };
const MULTI_8 = { gsm: 153, ucs2: 67 };
const MULTI_16 = { gsm: 152, ucs2: 66 };

interface Atom {
  text: string;
  units: number;
}

/** GSM when every character fits (an extension character costs two septets), else UCS-2. */
function atomsOf(text: string): { dataCoding: 0 | 8; atoms: Atom[] } {
  const gsm: Atom[] = [];
  for (const ch of text) {
    const septets = septetsForChar(ch);
    // An emoji or a lone surrogate stays one atom: its units are its length.
    if (!septets) return { dataCoding: 8, atoms: ucs2Atoms(text).map((a) => ({ text: a, units: a.length })) };
    gsm.push({ text: ch, units: septets.length });
  }
  return { dataCoding: 0, atoms: gsm };
}

/** The parts a text goes out as under a concatenation mode ('payload' is budgeted as 'udh8'). */
export function planSegments(text: string, mode: SegmentMode): SegmentPlan {
  const { dataCoding, atoms } = atomsOf(text);
  const key = dataCoding === 0 ? 'gsm' : 'ucs2';
  const total = atoms.reduce((n, a) => n + a.units, 0);
  if (total <= SINGLE[key]) return { dataCoding, parts: [text] };
  // sar_msg_ref_num is 16 bits, so the SMSC may build a 16-bit UDH from it: budget for that.
  const limit = (mode === 'udh8' || mode === 'payload' ? MULTI_8 : MULTI_16)[key];
  const parts: string[] = [''];
  let used = 0;
  for (const atom of atoms) {
    if (used + atom.units > limit) {
      parts.push('');
      used = 0;
    }
    parts[parts.length - 1] += atom.text;
    used += atom.units;
  }
  return { dataCoding, parts };
}

/** Parts the customer's phone will count, for the agent's composer (8-bit reference budget). */
export function countSegments(text: string, mode: SegmentMode = 'udh8'): number {
  return planSegments(text, mode).parts.length;
}
