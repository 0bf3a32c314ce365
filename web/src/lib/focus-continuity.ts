import { tick } from 'svelte';

// Where an agent's focus goes when the control it was on goes away. Falling to the page body would
// send a keyboard or screen-reader user back to the top of the desktop, mid-conversation.

/** The open conversation's compose box when replies are open, else the conversation region. */
export function continuationTarget(): HTMLElement | null {
  return (
    document.querySelector<HTMLElement>('main .compose textarea:not(:disabled)') ??
    document.querySelector<HTMLElement>('main.conversation')
  );
}

export function continueInConversation(): void {
  continuationTarget()?.focus();
}

export const focusLost = () => !document.activeElement || document.activeElement === document.body;

/**
 * A Svelte action for the conversation's action buttons, which can remove themselves when used
 * (End Conference, Exit Conference: the button is no longer offered). If one had focus when it
 * went, the agent continues in the conversation instead.
 */
export function keepFocusNearby(node: HTMLElement): { destroy(): void } {
  let focused = false;
  const onFocus = () => (focused = true);
  // A blur that comes from the removal itself (the node already detached) does not count.
  const onBlur = () => node.isConnected && (focused = false);
  node.addEventListener('focus', onFocus);
  node.addEventListener('blur', onBlur);
  return {
    destroy() {
      node.removeEventListener('focus', onFocus);
      node.removeEventListener('blur', onBlur);
      if (!focused && document.activeElement !== node) return;
      void tick().then(() => focusLost() && continueInConversation());
    },
  };
}

/**
 * For the open conversation itself: when it leaves the screen (Exit Conference, say) it takes the
 * focused control with it. Call with the selected id on every change.
 */
export function followSelection(): (selectedId: string | null) => void {
  let previous: string | null = null;
  return (selectedId) => {
    const left = previous !== null && selectedId === null;
    previous = selectedId;
    if (left) void tick().then(() => focusLost() && continueInConversation());
  };
}
