/// <reference lib="dom" />
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import Transcript from '../../web/src/lib/components/Transcript.svelte';
import InteractionPane from '../../web/src/lib/components/InteractionPane.svelte';
import { transcript } from '../../web/src/lib/outbox.js';
import { conversation, message } from './fixtures.js';

describe('Transcript', () => {
  it('is a live log of customer, agent and system lines with delivery status and segments', () => {
    const c = conversation({
      messages: [
        message(),
        message({
          id: 'o',
          direction: 'OUTBOUND',
          text: 'Hi!',
          author: { id: 'alice', name: 'Alice Smith' },
          deliveryStatus: 'DELIVERED',
          segments: 2,
          at: '2026-01-01T10:00:10Z',
        }),
        message({ id: 's', direction: 'SYSTEM', text: 'Bob Jones has joined', at: '2026-01-01T10:00:20Z' }),
      ],
    });
    render(Transcript, {
      props: {
        items: transcript(c, []),
        label: 'Transcript with +15557654321',
        onretry: () => {},
        ondiscard: () => {},
      },
    });
    const log = screen.getByRole('log', { name: 'Transcript with +15557654321' });
    expect(within(log).getAllByRole('listitem')).toHaveLength(3);
    expect(within(log).getByText('Delivered · 2 segments')).toBeTruthy();
    expect(within(log).getByText('Bob Jones has joined')).toBeTruthy();
  });

  it('offers Retry for a failed send, with the same clientMessageId', async () => {
    const onretry = vi.fn();
    const entry = {
      clientMessageId: 'cm-1',
      conversationId: 'c1',
      text: 'Hello?',
      at: '',
      state: 'failed' as const,
      error: 'Network down',
    };
    render(Transcript, {
      props: { items: transcript(conversation(), [entry]), label: 'T', onretry, ondiscard: () => {} },
    });
    expect(screen.getByText('Not sent: Network down')).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onretry).toHaveBeenCalledWith('cm-1');
  });
});

describe('InteractionPane', () => {
  it('shows the status and the owner actions', async () => {
    const onaction = vi.fn();
    render(InteractionPane, { props: { conversation: conversation(), meId: 'alice', onaction } });
    expect(screen.getByText('Active')).toBeTruthy();
    const actions = screen.getByRole('group', { name: 'Conversation actions' });
    expect(
      within(actions)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Transfer', 'Conference', 'End']);
    await fireEvent.click(within(actions).getByRole('button', { name: 'End' }));
    expect(onaction).toHaveBeenCalledWith('end');
  });

  it('gives the conferenced agent Exit Conference only', () => {
    const c = conversation({
      status: 'CONFERENCE',
      participants: [
        { agent: { id: 'alice', name: 'Alice Smith' }, role: 'OWNER', joinedAt: '', leftAt: null },
        { agent: { id: 'bob', name: 'Bob Jones' }, role: 'CONFERENCE', joinedAt: '', leftAt: null },
      ],
    });
    render(InteractionPane, { props: { conversation: c, meId: 'bob', onaction: () => {} } });
    const actions = screen.getByRole('group', { name: 'Conversation actions' });
    expect(
      within(actions)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Exit Conference']);
    expect(screen.getByText('Conference')).toBeTruthy();
  });
});
