/// <reference lib="dom" />
import { tick } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { followSelection, keepFocusNearby } from '../../web/src/lib/focus-continuity.js';

// End Conference and Exit Conference remove their own button. Focus must not fall to the page body.
function desktop(composeDisabled: boolean) {
  document.body.innerHTML = `
    <main class="conversation" tabindex="-1">
      <div class="actions"><button id="exit">Exit Conference</button></div>
      <div class="compose"><textarea ${composeDisabled ? 'disabled' : ''}></textarea></div>
    </main>`;
  const button = document.getElementById('exit')!;
  return { button, action: keepFocusNearby(button) };
}

/** As Svelte does: the node leaves the DOM and its action is destroyed. */
async function removeWithAction(button: HTMLElement, action: { destroy(): void }) {
  button.remove();
  action.destroy();
  await tick();
}

describe('keepFocusNearby', () => {
  afterEach(() => (document.body.innerHTML = ''));

  it('moves focus to the compose box when the focused control goes away', async () => {
    const { button, action } = desktop(false);
    button.focus();
    await removeWithAction(button, action);
    expect(document.activeElement).toBe(document.querySelector('textarea'));
  });

  it('moves focus to the conversation region when replies are closed', async () => {
    const { button, action } = desktop(true);
    button.focus();
    await removeWithAction(button, action);
    expect(document.activeElement).toBe(document.querySelector('main'));
  });

  it('leaves focus alone when the control did not have it', async () => {
    const { button, action } = desktop(false);
    const elsewhere = document.createElement('button');
    document.body.append(elsewhere);
    elsewhere.focus();
    await removeWithAction(button, action);
    expect(document.activeElement).toBe(elsewhere);
  });

  it('does not move focus when the agent had already moved on to the body by choice', async () => {
    const { button, action } = desktop(false);
    button.focus();
    button.blur(); // a click on empty space, say: focus left while the button was still there
    await removeWithAction(button, action);
    expect(document.activeElement).toBe(document.body);
  });
});

describe('followSelection', () => {
  afterEach(() => (document.body.innerHTML = ''));

  it('puts focus on the conversation region when the open conversation goes away with the focus', async () => {
    document.body.innerHTML = `<main class="conversation" tabindex="-1"><textarea></textarea></main>`;
    const follow = followSelection();
    follow('c1');
    const box = document.querySelector('textarea')!;
    box.focus();
    box.remove();
    follow(null);
    await tick();
    expect(document.activeElement).toBe(document.querySelector('main'));
  });

  it('does nothing at start, or when focus is somewhere else', async () => {
    document.body.innerHTML = `<main class="conversation" tabindex="-1"></main><button>State</button>`;
    const follow = followSelection();
    follow(null);
    await tick();
    expect(document.activeElement).toBe(document.body);
    follow('c1');
    document.querySelector('button')!.focus();
    follow(null);
    await tick();
    expect(document.activeElement).toBe(document.querySelector('button'));
  });
});
