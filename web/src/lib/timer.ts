// Clock formatting for the contact request popover (time since the request was received) and the
// auto wrap-up countdown (time left). Both tick once a second from the caller's `now`.

function pad(n: number): string {
  return n.toString().padStart(2, '0');
}

/** 0 → "00:00", 75 s → "01:15", 3725 s → "1:02:05". Negative spans (clock skew) read as zero. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${pad(minutes)}:${pad(seconds)}`;
}

/** Time since `iso`, as the popover's Timer shows it. */
export function elapsedSince(iso: string, now: number): string {
  const start = Date.parse(iso);
  return Number.isNaN(start) ? '00:00' : formatDuration(now - start);
}

/** Whole seconds left until `iso`, rounded up so "0" appears only when it is due. */
export function secondsUntil(iso: string, now: number): number {
  const end = Date.parse(iso);
  return Number.isNaN(end) ? 0 : Math.max(0, Math.ceil((end - now) / 1000));
}

/** A human-friendly spoken form for screen readers, e.g. "1 minute 15 seconds". */
export function spokenDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  const parts: string[] = [];
  if (minutes) parts.push(`${minutes} minute${minutes === 1 ? '' : 's'}`);
  parts.push(`${seconds} second${seconds === 1 ? '' : 's'}`);
  return parts.join(' ');
}

/** The time of day a message was sent, in the agent's locale. */
export function clockTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}
