import { describe, expect, it } from 'vitest';
import { emptyThread, left, remember, type ThreadState } from '../../../workflows/thread/model.js';

// Texts into an open conversation go to it straight from the gateway: the thread learns their
// opt-out (and their ids) only when the conversation ends or hands a text back.

function open(id: string, patch: Partial<ThreadState> = {}): ThreadState {
  return { ...emptyThread(), current: id, conversations: [id], ...patch };
}

describe('a conversation leaving its thread', () => {
  it('its final opt-out becomes the pair’s; the message that last changed it is no longer known', () => {
    const s = open('c1', { optChangedBy: 'm0' });
    left(s, 'c1', true);
    expect(s).toMatchObject({ optedOut: true, conversations: ['c1'] });
    expect(s.current).toBeUndefined();
    expect(s.optChangedBy).toBeUndefined();
  });

  it('the same opt-out keeps what changed it; a signal without one (older runs) changes nothing', () => {
    const s = open('c1', { optedOut: true, optChangedBy: 'm0' });
    left(s, 'c1', true);
    expect(s.optChangedBy).toBe('m0');
    const t = open('c1', { optedOut: true });
    left(t, 'c1');
    expect(t.optedOut).toBe(true);
    expect(t.current).toBeUndefined();
  });

  it('an older conversation does not speak for the pair while a newer one is open', () => {
    const s = open('c2');
    left(s, 'c1', true);
    expect(s).toMatchObject({ current: 'c2', optedOut: false });
  });

  it('its customer texts’ ids are remembered: a redelivery of one is not taken again', () => {
    const s = open('c1');
    left(s, 'c1', false, ['m1', 'm2']);
    expect(remember(s, { id: 'm1' })).toBe(false);
    expect(remember(s, { id: 'm3' })).toBe(true);
  });
});
