import { describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../../workflows/domain/types.js';
import { classifyKeyword } from '../../../workflows/domain/keywords.js';
import { decideInbound, type InboundAction } from '../../../workflows/thread/inbound-rules.js';

// Every keyword class x (a conversation open or not) x (opted out or not): where the text goes and
// what the opt-out becomes. The texts are classified as the gateway classifies them.
const mo = (text: string, id = 'mo-1'): InboundMessage => {
  const keyword = classifyKeyword(text);
  return { id, text, receivedAt: '2026-01-01T00:00:00.000Z', ...(keyword ? { keyword } : {}) };
};

type Row = [text: string, open: boolean, optedOut: boolean, action: InboundAction, after: boolean, startFrom: boolean];

describe('what the thread does with a customer text', () => {
  it.each<Row>([
    // STOP class: opts out; the open conversation shows it, otherwise a closed record does.
    ['STOP', true, false, 'deliver', true, false],
    ['Cancel', false, false, 'record', true, false],
    ['Quit', true, true, 'deliver', true, true],
    ['stop.', false, true, 'record', true, true],
    // START class: an opt-in only when opted out; otherwise ordinary text for an agent.
    ['Yes', true, false, 'deliver', false, false],
    ['Yes', false, false, 'start', false, false],
    ['START', true, true, 'deliver', false, true],
    ['Unstop', false, true, 'record', false, true],
    // HELP class: the gateway answers; an agent sees it too (the open conversation, or a new one).
    ['Info', true, false, 'deliver', false, false],
    ['HELP', false, false, 'start', false, false],
    ['help', true, true, 'deliver', true, true],
    ['Info', false, true, 'start', true, true],
    // Anything else reaches an agent, opted out or not.
    ['Stop by the store?', true, false, 'deliver', false, false],
    ['Yes please, the blue one', false, false, 'start', false, false],
    ['Why did I get this?', true, true, 'deliver', true, true],
    ['hello again', false, true, 'start', true, true],
  ])('%s (open %s, opted out %s) -> %s, opted out after: %s', (text, open, optedOut, action, after, startFrom) => {
    const d = decideInbound({ open, optedOut }, mo(text));
    expect(d).toMatchObject({ action, optedOut: after, startOptedOut: startFrom });
  });

  it('remembers which text changed the opt-out, and only that one', () => {
    expect(decideInbound({ open: false, optedOut: false }, mo('STOP')).optChangedBy).toBe('mo-1');
    expect(decideInbound({ open: false, optedOut: true }, mo('START')).optChangedBy).toBe('mo-1');
    const kept = { open: true, optedOut: true, optChangedBy: 'mo-0' };
    expect(decideInbound(kept, mo('STOP')).optChangedBy).toBe('mo-0');
    expect(decideInbound(kept, mo('hello')).optChangedBy).toBe('mo-0');
  });

  // A text handed to a conversation that had just ended comes back (redirect) and is decided again.
  it('an opt-out that comes back from an ended conversation is recorded as the change it was', () => {
    const first = decideInbound({ open: true, optedOut: false }, mo('STOP'));
    const again = decideInbound({ ...first, open: false }, mo('STOP'));
    expect(again).toMatchObject({ action: 'record', optedOut: true, startOptedOut: false });
  });

  it('an opt-in that comes back is recorded as the opt-in, not taken as an ordinary "Yes"', () => {
    const first = decideInbound({ open: true, optedOut: true }, mo('Yes'));
    expect(first).toMatchObject({ action: 'deliver', optedOut: false });
    const again = decideInbound({ ...first, open: false }, mo('Yes'));
    expect(again).toMatchObject({ action: 'record', optedOut: false, startOptedOut: true });
    // A later "Yes" is an answer again.
    expect(decideInbound({ ...again, open: false }, mo('Yes', 'mo-2'))).toMatchObject({ action: 'start' });
  });
});
