// Texts at the edges of SMS segmentation, with the parts each takes under an 8-bit UDH. Shared by
// the codec's agreement test and the composer's (tests/web/compose.test.ts).

export interface SegmentCase {
  name: string;
  text: string;
  udh8: number;
}

export const SEGMENT_TEXTS: readonly SegmentCase[] = [
  { name: 'empty', text: '', udh8: 1 },
  { name: 'GSM, one full part', text: 'a'.repeat(160), udh8: 1 },
  { name: 'GSM, one over', text: 'a'.repeat(161), udh8: 2 },
  { name: 'GSM, two full parts', text: 'a'.repeat(306), udh8: 2 },
  { name: 'GSM, seven parts (1000)', text: 'x'.repeat(1000), udh8: 7 },
  { name: 'GSM accents and Greek', text: 'èéùìòÇØøÅåΔΦΓΛΩΠΨΣΘΞÆæßÉ'.repeat(7), udh8: 2 },
  { name: 'extended GSM, 80 x € fills one part', text: '€'.repeat(80), udh8: 1 },
  { name: 'extended GSM, 81 x €', text: '€'.repeat(81), udh8: 2 },
  // 152 septets then an escape pair: the pair may not straddle the 153-septet boundary.
  { name: 'extended GSM at the part boundary', text: `${'a'.repeat(152)}{${'b'.repeat(20)}`, udh8: 2 },
  { name: 'extended GSM, every character', text: '^{}\\[~]|€\f'.repeat(20), udh8: 3 },
  { name: 'UCS-2, 70', text: 'ж'.repeat(70), udh8: 1 },
  { name: 'UCS-2, 71', text: 'ж'.repeat(71), udh8: 2 },
  { name: 'UCS-2 mixed with GSM', text: `Привет, ${'a'.repeat(70)}`, udh8: 2 },
  { name: 'emoji, 35 fill one part', text: '😀'.repeat(35), udh8: 1 },
  { name: 'emoji, 36', text: '😀'.repeat(36), udh8: 2 },
  // 66 units then an emoji: the pair goes whole into the second part.
  { name: 'emoji at the part boundary', text: `${'ж'.repeat(66)}😀${'ж'.repeat(10)}`, udh8: 2 },
  { name: 'emoji across many parts', text: `${'a'.repeat(67)}${'😀'.repeat(100)}`, udh8: 5 },
  { name: 'a lone surrogate stays one unit', text: `\ud83d${'ж'.repeat(70)}`, udh8: 2 },
];
