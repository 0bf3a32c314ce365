import type { Client } from '@temporalio/client';
import type { SwitchboardConfig } from '../../config/schema.js';
import { DirectInbound } from '../../platform/temporal/direct-inbound.js';
import { withTimeout } from '../../platform/with-timeout.js';
import type { InboundMessage } from '../../workflows/domain/types.js';
import { classifyKeyword, type Keyword } from '../../workflows/domain/keywords.js';
import { STATUS } from '../../platform/smpp-codec/status.js';
import type { Limiter } from './limiter.js';
import { statusError, type GatewayLog } from './log.js';
import type { MoLedger } from './mo-ledger.js';
import type { MoSource } from './mo-decode.js';

export interface MoSubmitDeps {
  config: SwitchboardConfig;
  client: Client;
  ledger: MoLedger;
  log: GatewayLog;
  /** Bound on one submission to Temporal; past it the carrier is told to try again. */
  signalTimeoutMs: number;
  /** Bounds concurrent calls to Temporal (smpp.limits.maxConcurrentSignals). */
  limiter: Limiter;
  /** The automatic HELP answer, sent once Temporal has the message. */
  answerHelp(source: MoSource, business: string, customer: string): void;
}

export interface Routed {
  from: string;
  to: string;
  source: MoSource;
}

export interface MoText {
  text: string;
  segments: number;
  incomplete: boolean;
  receivedAt: number;
}

/**
 * A whole MO to Temporal, and only then the ack: straight into the customer's open conversation
 * when this gateway knows it, else through the thread (platform/temporal/direct-inbound.ts).
 */
export class MoSubmit {
  private readonly direct: DirectInbound;
  constructor(private readonly deps: MoSubmitDeps) {
    this.direct = new DirectInbound(deps.client, deps.config);
  }

  async deliver(hash: string, r: Routed, m: MoText): Promise<string> {
    const { id, redelivery } = this.deps.ledger.begin(hash);
    // A fragment is not a keyword: "STOP" could be the start of "STOP sending me ads, I want...".
    const keyword: Keyword | null = m.incomplete ? null : classifyKeyword(m.text);
    const message: InboundMessage = {
      id,
      text: m.text,
      receivedAt: new Date(m.receivedAt).toISOString(),
      segments: m.segments,
      ...(m.incomplete ? { incomplete: true } : {}),
      ...(keyword ? { keyword } : {}),
      ingress: {
        bindId: r.source.bindId,
        side: r.source.side,
        ...(this.deps.config.smpp.gatewayId ? { gateway: this.deps.config.smpp.gatewayId } : {}),
      },
    };
    const deadline = Date.now() + this.deps.signalTimeoutMs;
    try {
      await this.deps.limiter.run(this.deps.signalTimeoutMs, () =>
        withTimeout(
          this.deps.client.withDeadline(deadline, () =>
            this.direct.submit({ from: r.from, to: r.to, message }, deadline),
          ),
          deadline - Date.now(),
        ),
      );
    } catch (error) {
      this.deps.log('warn', 'Temporal did not take the MO; the carrier will retry', {
        id,
        redelivery,
        error: (error as Error).message,
      });
      throw statusError(STATUS.ESME_RX_T_APPN, 'Temporal unavailable');
    }
    this.deps.ledger.acked(hash, id);
    if (keyword === 'HELP') this.deps.answerHelp(r.source, r.to, r.from);
    return id;
  }
}
