// Modal dialogs keep keyboard focus inside themselves, close on Escape and hand focus back to
// the control that opened them. Written as a Svelte action (a plain function of the element) so
// it can be tested without a component.

const FOCUSABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[tabindex]:not([tabindex="-1"])',
].join(',');

export function focusableIn(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => !el.hasAttribute('inert') && el.getAttribute('aria-hidden') !== 'true',
  );
}

/** Radio groups are one tab stop: only the checked radio (or the first) takes part in Tab order. */
function tabStops(root: HTMLElement): HTMLElement[] {
  return focusableIn(root).filter((el) => {
    if (!(el instanceof HTMLInputElement) || el.type !== 'radio' || !el.name) return true;
    const group = [...root.querySelectorAll<HTMLInputElement>('input[type="radio"]')].filter((r) => r.name === el.name);
    const checked = group.find((r) => r.checked);
    return checked ? checked === el : group[0] === el;
  });
}

export interface TrapOptions {
  onEscape: () => void;
  /** What to focus first; defaults to the first focusable element. */
  initial?: () => HTMLElement | null;
  /** Where focus goes on close when the opener is gone (End removes its own button). */
  fallback?: () => HTMLElement | null;
}

export function trapFocus(node: HTMLElement, options: TrapOptions) {
  let current = options;
  // <body> is no opener: it has focus when the control that led here is already gone.
  const focused = document.activeElement;
  const opener = focused instanceof HTMLElement && focused !== document.body ? focused : null;

  const onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      current.onEscape();
      return;
    }
    if (event.key !== 'Tab') return;
    const stops = tabStops(node);
    const first = stops[0];
    const last = stops.at(-1);
    if (!first || !last) {
      event.preventDefault();
      return;
    }
    const active = document.activeElement;
    const inside = active instanceof Node && node.contains(active);
    if (event.shiftKey && (active === first || !inside)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !inside)) {
      event.preventDefault();
      first.focus();
    }
  };

  node.addEventListener('keydown', onKeydown);
  queueMicrotask(() => {
    const target = current.initial?.() ?? focusableIn(node)[0] ?? node;
    target.focus();
  });

  return {
    update(next: TrapOptions) {
      current = next;
    },
    destroy() {
      node.removeEventListener('keydown', onKeydown);
      // Return focus to whatever opened the dialog, if it is still on the page; else to the
      // fallback, so focus is not dropped on <body> (keyboard users would restart at the top).
      if (opener && opener.isConnected) opener.focus();
      else current.fallback?.()?.focus();
    },
  };
}
