/// <reference lib="dom" />
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { tick } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import OfferPopover from '../../web/src/lib/components/OfferPopover.svelte';
import { offer } from './fixtures.js';

afterEach(() => vi.useRealTimers());

describe('OfferPopover', () => {
  it('shows Queue Name, Phone Number, Source Number and Accept', async () => {
    const onaccept = vi.fn();
    const o = offer();
    render(OfferPopover, { props: { offer: o, onaccept } });
    const popover = screen.getByRole('region', { name: 'SMS request' });
    expect(within(popover).getByText('Support')).toBeTruthy();
    expect(within(popover).getByText('+15557654321')).toBeTruthy();
    expect(within(popover).getByText('+15551230000')).toBeTruthy();
    await fireEvent.click(within(popover).getByRole('button', { name: 'Accept' }));
    expect(onaccept).toHaveBeenCalledWith(o);
  });

  it('counts up from receivedAt every second', async () => {
    vi.useFakeTimers({ now: Date.parse('2026-01-01T10:00:07.000Z') });
    render(OfferPopover, { props: { offer: offer(), onaccept: () => {} } });
    const timer = screen.getByRole('timer', { name: 'Timer' });
    expect(timer.textContent).toBe('00:07');
    vi.advanceTimersByTime(5000);
    await tick();
    expect(timer.textContent).toBe('00:12');
    vi.advanceTimersByTime(60_000);
    await tick();
    expect(timer.textContent).toBe('01:12');
  });

  it('says who asked for a transfer or a conference', () => {
    render(OfferPopover, {
      props: { offer: offer({ kind: 'TRANSFER', from: { id: 'bob', name: 'Bob Jones' } }), onaccept: () => {} },
    });
    expect(screen.getByRole('region', { name: 'Transfer request from Bob Jones' })).toBeTruthy();
  });

  it('shows why an accept failed, next to the button', () => {
    render(OfferPopover, {
      props: {
        offer: offer({ kind: 'CONFERENCE', from: { id: 'bob', name: 'Bob' } }),
        onaccept: () => {},
        error: 'The offer has lapsed.',
      },
    });
    expect(screen.getByRole('alert').textContent).toBe('The offer has lapsed.');
    expect(screen.getByRole('region', { name: 'Conference request from Bob' })).toBeTruthy();
  });
});
