/// <reference lib="dom" />
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import ComposeBox from '../../web/src/lib/components/ComposeBox.svelte';

function setup(props: { disabled?: boolean; reason?: string } = {}) {
  const onsend = vi.fn();
  render(ComposeBox, { props: { onsend, ...props } });
  const box = screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement;
  return { onsend, box, send: screen.getByRole('button', { name: 'Send' }) };
}

describe('ComposeBox', () => {
  it('counts characters against the 1000 limit', async () => {
    const { box } = setup();
    expect(screen.getByText(/0\/1000/)).toBeTruthy();
    await fireEvent.input(box, { target: { value: 'Hello' } });
    expect(screen.getByText(/5\/1000/)).toBeTruthy();
    // maxlength counts UTF-16 units: 1000 characters (code points, as the server counts) may be
    // up to 2000 of them, so it is only a hard stop; the exact cut is the box's own.
    expect(box.maxLength).toBe(2000);
  });

  it('counts an emoji as one character, as the server does', async () => {
    const { box } = setup();
    await fireEvent.input(box, { target: { value: '😀'.repeat(1001) } });
    expect(box.value).toBe('😀'.repeat(1000));
    expect(screen.getByText(/1000\/1000/)).toBeTruthy();
  });

  it('trims text over 1000 characters (a paste) to the limit', async () => {
    const { box } = setup();
    await fireEvent.input(box, { target: { value: 'x'.repeat(1200) } });
    expect(box.value).toHaveLength(1000);
    expect(screen.getByText(/1000\/1000/)).toBeTruthy();
  });

  it('sends on Enter and clears the box', async () => {
    const { box, onsend } = setup();
    await fireEvent.input(box, { target: { value: 'On my way' } });
    await fireEvent.keyDown(box, { key: 'Enter' });
    expect(onsend).toHaveBeenCalledWith('On my way');
    expect(box.value).toBe('');
  });

  it('sends with the Send button', async () => {
    const { box, onsend, send } = setup();
    expect((send as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.input(box, { target: { value: 'Hi' } });
    await fireEvent.click(send);
    expect(onsend).toHaveBeenCalledWith('Hi');
  });

  it('does not send on Shift+Enter (a new line)', async () => {
    const { box, onsend } = setup();
    await fireEvent.input(box, { target: { value: 'line one' } });
    const event = new KeyboardEvent('keydown', { key: 'Enter', shiftKey: true, bubbles: true, cancelable: true });
    box.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(false);
    expect(onsend).not.toHaveBeenCalled();
  });

  it('does not send while an IME is composing', async () => {
    const { box, onsend } = setup();
    await fireEvent.input(box, { target: { value: 'にほん' } });
    await fireEvent.keyDown(box, { key: 'Enter', isComposing: true });
    await fireEvent.keyDown(box, { key: 'Enter', keyCode: 229 });
    expect(onsend).not.toHaveBeenCalled();
    await fireEvent.keyDown(box, { key: 'Enter' });
    expect(onsend).toHaveBeenCalledWith('にほん');
  });

  it('does not send blank text', async () => {
    const { box, onsend } = setup();
    await fireEvent.input(box, { target: { value: '   ' } });
    await fireEvent.keyDown(box, { key: 'Enter' });
    expect(onsend).not.toHaveBeenCalled();
  });

  it('is disabled with a reason when replies are closed', async () => {
    const { box, onsend } = setup({ disabled: true, reason: 'The customer opted out (STOP).' });
    expect(box.disabled).toBe(true);
    expect(screen.getByText('The customer opted out (STOP).')).toBeTruthy();
    await fireEvent.keyDown(box, { key: 'Enter' });
    expect(onsend).not.toHaveBeenCalled();
  });
});
