import { STATUS } from '../../platform/smpp-codec/status.js';
import type { ReceiptStat } from './receipts.js';

interface BindAttempt {
  at: number;
  systemId: string;
  status: number;
}

/** Fault injection and counters for tests (and a demo UI) to drive and observe the simulator. */
export class SimulatorKnobs {
  /** Delay before every submit_sm_resp. */
  submitDelayMs = 0;
  /** stat of the receipts for MTs accepted from now on. */
  receiptStat: ReceiptStat = 'DELIVRD';
  inFlightSubmits = 0;
  maxInFlightSubmits = 0;
  /** When each submit_sm arrived (ms since epoch), for throughput checks. */
  readonly submitTimes: number[] = [];
  readonly bindAttempts: BindAttempt[] = [];
  private submitFailures: Slot = { remaining: 0, status: 0 };
  private bindFailures: Slot = { remaining: 0, status: 0 };

  /** The next `count` submit_sm are answered with `status` (e.g. ESME_RTHROTTLED). */
  failNextSubmits(count: number, status: number): void {
    this.submitFailures = { remaining: count, status };
  }

  /** The next `count` binds are refused with `status` (e.g. ESME_RALYBND). */
  failNextBinds(count: number, status: number): void {
    this.bindFailures = { remaining: count, status };
  }

  /** Marks a submit in progress; call the returned function when it is answered. */
  enter(): () => void {
    this.submitTimes.push(Date.now());
    this.inFlightSubmits++;
    this.maxInFlightSubmits = Math.max(this.maxInFlightSubmits, this.inFlightSubmits);
    return () => {
      this.inFlightSubmits--;
    };
  }

  takeSubmitFailure(): number | undefined {
    return takeOne(this.submitFailures);
  }

  bindStatus(systemId: string, password: string, credentials?: { systemId: string; password: string }[]): number {
    let status = takeOne(this.bindFailures) ?? STATUS.ESME_ROK;
    if (status === STATUS.ESME_ROK && credentials) {
      const account = credentials.find((c) => c.systemId === systemId);
      status = !account
        ? STATUS.ESME_RINVSYSID
        : account.password !== password
          ? STATUS.ESME_RINVPASWD
          : STATUS.ESME_ROK;
    }
    this.bindAttempts.push({ at: Date.now(), systemId, status });
    return status;
  }
}

interface Slot {
  remaining: number;
  status: number;
}

function takeOne(slot: Slot): number | undefined {
  if (slot.remaining <= 0) return undefined;
  slot.remaining--;
  return slot.status;
}
