// Compose box rules. A reply is 1 to MAX_MESSAGE_LENGTH characters counted as the workflow and the
// API count them (code points: an emoji is one), by the same functions ($domain/limits); Enter
// sends and Shift+Enter starts a new line. While an input method editor is composing (Japanese,
// Chinese, Korean...), Enter confirms the composition and must not send.
import { clampText, isSendableText, MAX_MESSAGE_LENGTH, textLength } from '$domain/limits.js';
import { countSegments } from '$codec/segment-plan.js';

export { MAX_MESSAGE_LENGTH, MAX_MESSAGE_UTF16_UNITS } from '$domain/limits.js';

/** Length in code points, as the counter shows it and the server checks it. */
export function messageLength(text: string): number {
  return textLength(text);
}

/** Cut to the limit without leaving half of a surrogate pair (a broken emoji) at the end. */
export function clampMessage(text: string): string {
  return clampText(text);
}

export function counterText(text: string): string {
  return `${messageLength(text)}/${MAX_MESSAGE_LENGTH}`;
}

/** Sendable: something other than whitespace, and not over the limit. */
export function canSend(text: string): boolean {
  return isSendableText(text);
}

export interface KeyLike {
  key: string;
  shiftKey: boolean;
  isComposing: boolean;
  /** Safari reports the IME's Enter with keyCode 229 but isComposing false. */
  keyCode?: number;
}

/** Whether this keydown in the compose box means "send now". */
export function isSendKey(event: KeyLike): boolean {
  if (event.key !== 'Enter' || event.shiftKey) return false;
  if (event.isComposing || event.keyCode === 229) return false;
  return true;
}

/** The SMS parts the reply will go out as: the codec's own count (none for an empty box). */
export function estimateSegments(text: string): number {
  return text ? countSegments(text) : 0;
}
