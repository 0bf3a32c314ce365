import type { Caller } from '../auth/caller.js';
import { rateLimited } from '../auth/errors.js';

// Open subscriptions per caller are capped (api.maxSubscriptionsPerCaller): each one holds a bus
// listener and an HTTP stream, so one token or address must not open them without bound.

export function callerKey(caller: Caller, address: string): string {
  if (caller.kind === 'agent') return `agent:${caller.agentId}`;
  if (caller.kind === 'integrator') return `integrator:${caller.name}`;
  return `address:${address}`;
}

export class SubscriptionSlots {
  private readonly open = new Map<string, number>();

  constructor(private readonly max: number) {}

  /** Takes a slot or throws RATE_LIMITED; the returned function gives it back (once). */
  take(key: string): () => void {
    const n = this.open.get(key) ?? 0;
    if (n >= this.max) throw rateLimited(5, `At most ${this.max} open subscriptions per caller; close one first.`);
    this.open.set(key, n + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.open.get(key) ?? 1) - 1;
      if (left <= 0) this.open.delete(key);
      else this.open.set(key, left);
    };
  }

  count(key: string): number {
    return this.open.get(key) ?? 0;
  }
}
