/// <reference lib="dom" />
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { tick } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import LogoutDialog from '../../web/src/lib/components/LogoutDialog.svelte';
import { logoutWarnings, workInHand } from '../../web/src/lib/logout-warning.js';
import { conversation, offer } from './fixtures.js';

const alice = { id: 'alice', name: 'Alice Smith' };
const bob = { id: 'bob', name: 'Bob Jones' };
const part = (agent: typeof alice, role: 'OWNER' | 'CONFERENCE', leftAt: string | null = null) => ({
  agent,
  role,
  joinedAt: '2026-01-01T10:00:05.000Z',
  leftAt,
});

describe('work in hand at logout', () => {
  it.each([
    ['nothing', { offers: [], conversations: [] }, { offers: 0, conversations: 0, conferences: 0, wrapUps: 0 }],
    [
      'an offer and an owned conversation',
      { offers: [offer({ conversation: { id: 'c2' } })], conversations: [conversation()] },
      { offers: 1, conversations: 1, conferences: 0, wrapUps: 0 },
    ],
    [
      'a seat in a conference and an owed wrap-up',
      {
        offers: [],
        conversations: [
          conversation({
            id: 'c3',
            status: 'CONFERENCE',
            owner: bob,
            participants: [part(bob, 'OWNER'), part(alice, 'CONFERENCE')],
          }),
          conversation({ id: 'c4', status: 'WRAP_UP', wrapUpOwedBy: [alice] }),
          // Transferred on: the wrap-up for it is still owed.
          conversation({
            id: 'c5',
            status: 'QUEUED',
            owner: null,
            wrapUpOwedBy: [alice],
            participants: [part(alice, 'OWNER', 'x')],
          }),
        ],
      },
      { offers: 0, conversations: 0, conferences: 1, wrapUps: 2 },
    ],
    [
      "someone else's conversation, and a wrap-up already done",
      {
        offers: [],
        conversations: [
          conversation({ owner: bob, participants: [part(bob, 'OWNER')] }),
          conversation({ id: 'c6', status: 'WRAP_UP' }),
        ],
      },
      { offers: 0, conversations: 0, conferences: 0, wrapUps: 0 },
    ],
  ])('counts %s', (_name, state, expected) => {
    expect(workInHand(state, 'alice')).toEqual(expected);
  });

  it('warns about nothing when nothing is in hand, and says where each kind of work goes', () => {
    expect(logoutWarnings({ offers: 0, conversations: 0, conferences: 0, wrapUps: 0 })).toEqual([]);
    expect(logoutWarnings({ offers: 2, conversations: 1, conferences: 1, wrapUps: 3 })).toEqual([
      '2 contact requests go back to the queue.',
      '1 conversation you own goes back to the queue as a transfer (or to the agent in conference).',
      'You leave 1 conference; the owner carries on.',
      '3 wrap-ups you owe are submitted with the default reason.',
    ]);
  });
});

describe('Log out dialog', () => {
  it('focuses Stay signed in, traps Tab, logs out only when asked and closes on Escape', async () => {
    const props = { warnings: ['1 contact request goes back to the queue.'], onlogout: vi.fn(), onclose: vi.fn() };
    render(LogoutDialog, { props });
    await tick();
    const dialog = screen.getByRole('dialog', { name: 'Log out with work in hand?' });
    expect(within(dialog).getByRole('listitem').textContent).toBe('1 contact request goes back to the queue.');
    const stay = within(dialog).getByRole('button', { name: 'Stay signed in' });
    expect(document.activeElement).toBe(stay);
    const logout = within(dialog).getByRole('button', { name: 'Log out' });
    logout.focus();
    await fireEvent.keyDown(logout, { key: 'Tab' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Close' }));
    await fireEvent.click(stay);
    expect(props.onclose).toHaveBeenCalledTimes(1);
    expect(props.onlogout).not.toHaveBeenCalled();
    await fireEvent.keyDown(stay, { key: 'Escape' });
    expect(props.onclose).toHaveBeenCalledTimes(2);
    await fireEvent.click(logout);
    expect(props.onlogout).toHaveBeenCalledTimes(1);
  });
});
