/// <reference lib="dom" />
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { tick } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import TransferDialog from '../../web/src/lib/components/TransferDialog.svelte';
import ConferenceDialog from '../../web/src/lib/components/ConferenceDialog.svelte';
import WrapUpDialog from '../../web/src/lib/components/WrapUpDialog.svelte';

const queues = [
  { id: 'support', name: 'Support', waiting: 2, availableAgents: 1 },
  { id: 'sales', name: 'Sales', waiting: 0, availableAgents: 3 },
];
const agents = [
  { id: 'bob', name: 'Bob Jones' },
  { id: 'carol', name: 'Carol Díaz' },
];
const reasons = [
  { id: 'resolved', name: 'Resolved' },
  { id: 'follow-up', name: 'Follow-up needed' },
];

function transfer() {
  const props = { queues, agents, onrefresh: vi.fn(), ontransfer: vi.fn(), onclose: vi.fn() };
  render(TransferDialog, { props });
  return { props, dialog: screen.getByRole('dialog', { name: 'Transfer Request' }) };
}

describe('Transfer dialog', () => {
  it('lists queues and agents, filters both with the search field, and transfers to the choice', async () => {
    const { props, dialog } = transfer();
    expect(within(dialog).getAllByRole('radio')).toHaveLength(4);
    await fireEvent.input(within(dialog).getByRole('searchbox', { name: 'Search queues and agents' }), {
      target: { value: 'car' },
    });
    const radios = within(dialog).getAllByRole('radio');
    expect(radios).toHaveLength(1);
    const button = within(dialog).getByRole('button', { name: 'Transfer' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    await fireEvent.click(within(dialog).getByRole('radio', { name: 'Carol Díaz' }));
    expect(button.disabled).toBe(false);
    await fireEvent.click(button);
    expect(props.ontransfer).toHaveBeenCalledWith({ agentId: 'carol' });
  });

  it('transfers to a queue and refreshes the lists on request', async () => {
    const { props, dialog } = transfer();
    await fireEvent.click(within(dialog).getByRole('radio', { name: /Sales/ }));
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Transfer' }));
    expect(props.ontransfer).toHaveBeenCalledWith({ queueId: 'sales' });
    await fireEvent.click(within(dialog).getByRole('button', { name: /Refresh/ }));
    expect(props.onrefresh).toHaveBeenCalled();
  });

  it('cannot transfer to a choice the search has hidden', async () => {
    const { dialog } = transfer();
    await fireEvent.click(within(dialog).getByRole('radio', { name: 'Bob Jones' }));
    await fireEvent.input(within(dialog).getByRole('searchbox'), { target: { value: 'sales' } });
    expect((within(dialog).getByRole('button', { name: 'Transfer' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('dialog keyboard behaviour', () => {
  it('focuses the search field, traps Tab and Shift+Tab, closes on Escape and returns focus', async () => {
    const opener = document.createElement('button');
    opener.textContent = 'Conference';
    document.body.append(opener);
    opener.focus();
    const onclose = vi.fn();
    const { unmount } = render(ConferenceDialog, {
      props: { agents, onrefresh: () => {}, onconference: () => {}, onclose },
    });
    await tick();
    const dialog = screen.getByRole('dialog', { name: 'Conference Request' });
    const search = within(dialog).getByRole('searchbox', { name: 'Search agents' });
    expect(document.activeElement).toBe(search);

    const close = within(dialog).getByRole('button', { name: 'Close' });
    close.focus();
    await fireEvent.keyDown(close, { key: 'Tab', shiftKey: true });
    const cancel = within(dialog).getByRole('button', { name: 'Cancel' });
    // The Conference button is disabled until an agent is chosen, so Cancel is the last stop.
    expect(document.activeElement).toBe(cancel);
    await fireEvent.keyDown(cancel, { key: 'Tab' });
    expect(document.activeElement).toBe(close);

    await fireEvent.keyDown(search, { key: 'Escape' });
    expect(onclose).toHaveBeenCalledTimes(1);
    unmount();
    expect(document.activeElement).toBe(opener);
    opener.remove();
  });

  it('counts the radio group as one Tab stop', async () => {
    const { dialog } = transfer();
    await fireEvent.click(within(dialog).getByRole('radio', { name: 'Bob Jones' }));
    const transferButton = within(dialog).getByRole('button', { name: 'Transfer' });
    transferButton.focus();
    await fireEvent.keyDown(transferButton, { key: 'Tab' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Close' }));
  });
});

describe('Wrap Up Reasons dialog', () => {
  it('filters reasons and submits the chosen one', async () => {
    const onsubmit = vi.fn();
    render(WrapUpDialog, { props: { customer: '+15557654321', reasons, onsubmit, onclose: () => {} } });
    const dialog = screen.getByRole('dialog', { name: 'Wrap Up Reasons' });
    await fireEvent.input(within(dialog).getByRole('searchbox', { name: 'Search wrap-up reasons' }), {
      target: { value: 'follow' },
    });
    expect(within(dialog).getAllByRole('radio')).toHaveLength(1);
    await fireEvent.click(within(dialog).getByRole('radio', { name: 'Follow-up needed' }));
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Submit Wrap Up' }));
    expect(onsubmit).toHaveBeenCalledWith('follow-up');
  });

  it('counts down to the auto wrap-up', async () => {
    vi.useFakeTimers({ now: Date.parse('2026-01-01T10:00:00Z') });
    try {
      render(WrapUpDialog, {
        props: { customer: 'x', reasons, autoWrapUpAt: '2026-01-01T10:00:30Z', onsubmit: () => {}, onclose: () => {} },
      });
      const timer = screen.getByRole('timer');
      expect(timer.textContent).toBe('00:30');
      vi.advanceTimersByTime(10_000);
      await tick();
      expect(timer.textContent).toBe('00:20');
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows a refused submit inside the dialog', () => {
    render(WrapUpDialog, {
      props: { customer: 'x', reasons, error: 'Unknown reason', onsubmit: () => {}, onclose: () => {} },
    });
    expect(within(screen.getByRole('dialog')).getByRole('alert').textContent).toBe('Unknown reason');
  });
});
