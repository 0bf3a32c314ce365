/**
 * Fire-and-track for work a handler starts but must not wait for (signals to other workflows,
 * event publishing): jobs on one lane run in order, and `drain` lets the workflow finish them
 * before it completes or continues as new.
 */
export class Outbox {
  private readonly lanes = new Map<string, Promise<void>>();
  private readonly pending = new Set<Promise<void>>();

  push(lane: string, job: () => Promise<void>): void {
    const previous = this.lanes.get(lane) ?? Promise.resolve();
    const next = previous.then(job, job);
    const tracked = next.catch(() => undefined);
    this.lanes.set(lane, tracked);
    this.pending.add(tracked);
    void tracked.finally(() => {
      this.pending.delete(tracked);
      if (this.lanes.get(lane) === tracked) this.lanes.delete(lane);
    });
  }

  /** Runs concurrently with everything else (each SMS send, say). */
  spawn(job: () => Promise<void>): void {
    const tracked = job().catch(() => undefined);
    this.pending.add(tracked);
    void tracked.finally(() => this.pending.delete(tracked));
  }

  get size(): number {
    return this.pending.size;
  }

  async drain(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }
}
