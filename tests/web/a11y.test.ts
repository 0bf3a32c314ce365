/// <reference lib="dom" />
import { render } from '@testing-library/svelte';
import axe from 'axe-core';
import { tick } from 'svelte';
import { beforeAll, describe, expect, it } from 'vitest';
import ComposeBox from '../../web/src/lib/components/ComposeBox.svelte';
import OfferPopover from '../../web/src/lib/components/OfferPopover.svelte';
import TransferDialog from '../../web/src/lib/components/TransferDialog.svelte';
import WrapUpDialog from '../../web/src/lib/components/WrapUpDialog.svelte';
import LogoutDialog from '../../web/src/lib/components/LogoutDialog.svelte';
import AgentState from '../../web/src/lib/components/AgentState.svelte';
import ConversationList from '../../web/src/lib/components/ConversationList.svelte';
import LoginForm from '../../web/src/lib/components/LoginForm.svelte';
import { agent, conversation, offer } from './fixtures.js';

// axe in jsdom: everything but what needs layout (colour contrast is checked in the browser, later).
async function violations(container: HTMLElement): Promise<string[]> {
  await tick();
  const result = await axe.run(container, {
    rules: { 'color-contrast': { enabled: false }, region: { enabled: false } },
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
}

// jsdom has no canvas; axe only uses it to spot icon ligatures, so "no canvas" is a fine answer.
beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;
});

describe('accessibility (axe)', () => {
  it('has no violations in the login form, state control, list, popover and compose box', async () => {
    const { container: a } = render(LoginForm, { props: { onlogin: async () => null } });
    expect(await violations(a)).toEqual([]);
    const { container: b } = render(AgentState, {
      props: {
        me: agent({ status: 'RONA', statusReason: 'x' }),
        idleCodes: [{ id: 'b', name: 'Break' }],
        onchange: () => {},
      },
    });
    expect(await violations(b)).toEqual([]);
    const { container: c } = render(ConversationList, {
      props: {
        conversations: [conversation()],
        unread: { c1: 2 },
        selectedId: 'c1',
        meId: 'alice',
        onselect: () => {},
      },
    });
    expect(await violations(c)).toEqual([]);
    const { container: d } = render(OfferPopover, { props: { offer: offer(), onaccept: () => {} } });
    expect(await violations(d)).toEqual([]);
    const { container: e } = render(ComposeBox, { props: { onsend: () => {} } });
    expect(await violations(e)).toEqual([]);
  });

  it('has no violations in the dialogs', async () => {
    const { container } = render(TransferDialog, {
      props: {
        queues: [{ id: 'q', name: 'Support', waiting: 0, availableAgents: 1 }],
        agents: [{ id: 'b', name: 'Bob' }],
        onrefresh: () => {},
        ontransfer: () => {},
        onclose: () => {},
      },
    });
    expect(await violations(container)).toEqual([]);
    const { container: w } = render(WrapUpDialog, {
      props: {
        customer: 'x',
        reasons: [{ id: 'r', name: 'Resolved' }],
        autoWrapUpAt: new Date(Date.now() + 30_000).toISOString(),
        onsubmit: () => {},
        onclose: () => {},
      },
    });
    expect(await violations(w)).toEqual([]);
    const { container: l } = render(LogoutDialog, {
      props: { warnings: ['1 contact request goes back to the queue.'], onlogout: () => {}, onclose: () => {} },
    });
    expect(await violations(l)).toEqual([]);
  });
});
