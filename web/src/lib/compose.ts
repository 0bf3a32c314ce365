// Compose box rules. The seed's compose box accepts at most 1000 characters; Enter sends and
// Shift+Enter starts a new line. While an input method editor is composing (Japanese, Chinese,
// Korean...), Enter confirms the composition and must not send.

export const MAX_MESSAGE_LENGTH = 1000;

/** Length in UTF-16 units, as the textarea's maxlength and a JavaScript server both count it:
 * stricter than code points for emoji, so what the counter allows the API never refuses. */
export function messageLength(text: string): number {
  return text.length;
}

/** Cut to the limit without leaving half of a surrogate pair (a broken emoji) at the end. */
export function clampMessage(text: string): string {
  if (text.length <= MAX_MESSAGE_LENGTH) return text;
  const cut = text.slice(0, MAX_MESSAGE_LENGTH);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

export function counterText(text: string): string {
  return `${messageLength(text)}/${MAX_MESSAGE_LENGTH}`;
}

/** Sendable: something other than whitespace, and not over the limit. */
export function canSend(text: string): boolean {
  const length = messageLength(text);
  return text.trim().length > 0 && length <= MAX_MESSAGE_LENGTH;
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

/** Segments a GSM-7 or UCS-2 text takes, for the hint under the compose box. */
export function estimateSegments(text: string): number {
  if (!text) return 0;
  const ucs2 = /[^\n\r !"#$%&'()*+,\-./0-9:;<=>?@A-Z_a-z£¥èéùìòÇØøÅåΔΦΓΛΩΠΨΣΘΞÆæßÉ¤¡ÄÖÑÜ§¿äöñüà^{}\\[~\]|€]/u.test(
    text,
  );
  const units = ucs2 ? [...text].reduce((n, c) => n + (c.codePointAt(0)! > 0xffff ? 2 : 1), 0) : gsmUnits(text);
  const single = ucs2 ? 70 : 160;
  const multi = ucs2 ? 67 : 153;
  return units <= single ? 1 : Math.ceil(units / multi);
}

function gsmUnits(text: string): number {
  // Characters from the GSM extension table take two septets.
  return [...text].reduce((n, c) => n + ('^{}\\[~]|€'.includes(c) ? 2 : 1), 0);
}
