import { CancellationScope, isCancellation, patched, sleep } from '@temporalio/workflow';

const STALE_TIMERS_DROPPED = 'stale-timers-dropped';

interface Armed {
  at: string;
  scope: CancellationScope;
}

/**
 * Named durable timers derived from state: after every transition the workflow says which timers
 * should exist (`reconcile`), so a continue-as-new or a replay re-arms exactly the same ones.
 */
export class TimerSet<E> {
  private readonly armed = new Map<string, Armed>();
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly fire: (event: E) => void) {}

  reconcile(wanted: Map<string, { at: string; event: E }>): void {
    for (const [name, armed] of this.armed) {
      const want = wanted.get(name);
      if (!want || want.at !== armed.at) {
        armed.scope.cancel();
        this.armed.delete(name);
      }
    }
    for (const [name, want] of wanted) {
      if (!this.armed.has(name)) this.arm(name, want.at, want.event);
    }
  }

  private arm(name: string, at: string, event: E): void {
    const scope = new CancellationScope();
    const ms = Math.max(1, Date.parse(at) - Date.now());
    const run = scope
      .run(() => sleep(ms))
      .then(() => {
        const current = this.armed.get(name)?.scope === scope;
        if (current) this.armed.delete(name);
        // A timer can fire in the same activation that cancelled or moved it; its event is stale
        // then (an auto wrap-up deadline that moved must not fire early). Histories recorded
        // before this check still deliver it, so they replay unchanged.
        else if (patched(STALE_TIMERS_DROPPED)) return;
        this.fire(event);
      })
      .catch((error: unknown) => {
        if (!isCancellation(error)) throw error;
      });
    this.armed.set(name, { at, scope });
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
  }

  cancelAll(): void {
    for (const armed of this.armed.values()) armed.scope.cancel();
    this.armed.clear();
  }
}
