/**
 * Fire-and-track for work a handler starts but must not wait for (signals to other workflows,
 * event publishing): jobs on one lane run in order, and `drain` lets the workflow finish them
 * before it completes or continues as new.
 */
export class Outbox {
  private readonly lanes = new Map<string, Promise<void>>();
  private readonly pending = new Set<Promise<void>>();

  /**
   * Queues `job` behind the lane's earlier jobs. A signal's promise resolves once it is in the
   * target's history, so signals on one lane reach their target in order.
   */
  push(lane: string, job: () => Promise<void>): void {
    void this.enqueue(lane, job).catch(() => undefined);
  }

  /** Like push, for a caller that must wait for the job (its failure is the caller's to handle). */
  pushAndWait(lane: string, job: () => Promise<void>): Promise<void> {
    return this.enqueue(lane, job);
  }

  private enqueue(lane: string, job: () => Promise<void>): Promise<void> {
    const previous = this.lanes.get(lane) ?? Promise.resolve();
    const next = previous.then(job, job);
    const tracked = next.catch(() => undefined);
    this.lanes.set(lane, tracked);
    this.pending.add(tracked);
    void tracked.finally(() => {
      this.pending.delete(tracked);
      if (this.lanes.get(lane) === tracked) this.lanes.delete(lane);
    });
    return next;
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
