/// <reference lib="dom" />
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import AgentState from '../../web/src/lib/components/AgentState.svelte';
import { agent } from './fixtures.js';

const idleCodes = [
  { id: 'break', name: 'Break' },
  { id: 'lunch', name: 'Lunch' },
];

describe('AgentState', () => {
  it('sets Available or Idle with an idle code', async () => {
    const onchange = vi.fn();
    render(AgentState, { props: { me: agent({ status: 'IDLE', idleCode: idleCodes[0]! }), idleCodes, onchange } });
    const select = screen.getByRole('combobox', { name: 'State' }) as HTMLSelectElement;
    expect(select.value).toBe('IDLE:break');
    await fireEvent.change(select, { target: { value: 'IDLE:lunch' } });
    expect(onchange).toHaveBeenLastCalledWith('IDLE', 'lunch');
    await fireEvent.change(select, { target: { value: 'AVAILABLE' } });
    expect(onchange).toHaveBeenLastCalledWith('AVAILABLE');
  });

  it('shows RONA with why, and RONA itself cannot be chosen', () => {
    const me = agent({ status: 'RONA', statusReason: 'Did not accept +15557654321 within 30 s' });
    render(AgentState, { props: { me, idleCodes, onchange: () => {} } });
    const select = screen.getByRole('combobox', { name: 'State' }) as HTMLSelectElement;
    expect(select.value).toBe('RONA');
    expect((screen.getByRole('option', { name: 'RONA' }) as HTMLOptionElement).disabled).toBe(true);
    expect(screen.getByRole('status').textContent).toContain('Did not accept +15557654321 within 30 s');
  });

  it('shows a refused change next to the control', () => {
    render(AgentState, { props: { me: agent(), idleCodes, onchange: () => {}, error: 'Unknown idle code' } });
    expect(screen.getByRole('alert').textContent).toBe('Unknown idle code');
  });
});
