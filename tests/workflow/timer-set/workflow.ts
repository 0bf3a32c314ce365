import { condition, defineSignal, setHandler, sleep } from '@temporalio/workflow';
import { TimerSet } from '../../../workflows/runtime/timers.js';

/** At `afterMs` into the run, the timers that should exist (name -> deadline and event), in ms from the start. */
export interface TimerStep {
  afterMs: number;
  wanted: Record<string, { inMs: number; event: string }>;
  /** Cancel everything instead, as the conversation does before continue-as-new. */
  cancelAll?: boolean;
}

export interface Fired {
  event: string;
  atMs: number;
}

/** Drives a TimerSet through the steps, then waits `endMs` and returns what fired, when. */
export async function timerSetWorkflow(steps: TimerStep[], endMs: number): Promise<Fired[]> {
  const start = Date.now();
  const fired: Fired[] = [];
  const timers = new TimerSet<string>((event) => fired.push({ event, atMs: Date.now() - start }));
  for (const step of steps) {
    const wait = start + step.afterMs - Date.now();
    if (wait > 0) await sleep(wait);
    if (step.cancelAll) {
      timers.cancelAll();
      continue;
    }
    const wanted = Object.entries(step.wanted).map(
      ([name, w]) => [name, { at: new Date(start + w.inMs).toISOString(), event: w.event }] as const,
    );
    timers.reconcile(new Map(wanted));
  }
  await sleep(Math.max(1, start + endMs - Date.now()));
  return fired;
}

/** New wanted timers by signal, so a test can land one in the same activation as a timer's fire. */
export const reconcileSignal = defineSignal<[Record<string, { inMs: number; event: string }>]>('reconcile');

/** Arms `first`, then reconciles to whatever each signal wants; returns the first event that fires. */
export async function timerSetBySignalWorkflow(
  first: Record<string, { inMs: number; event: string }>,
  endMs: number,
): Promise<Fired[]> {
  const start = Date.now();
  const fired: Fired[] = [];
  const timers = new TimerSet<string>((event) => fired.push({ event, atMs: Date.now() - start }));
  const want = (w: Record<string, { inMs: number; event: string }>) =>
    timers.reconcile(
      new Map(Object.entries(w).map(([n, t]) => [n, { at: new Date(start + t.inMs).toISOString(), event: t.event }])),
    );
  setHandler(reconcileSignal, want);
  want(first);
  await condition(() => fired.length > 0, endMs);
  return fired;
}
