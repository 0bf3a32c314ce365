import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { SwitchboardConfig } from '../../config/schema.js';
import { temporalAddress } from '../../config/derive.js';
import { connectNative, dataConverterOptions } from '../../platform/temporal/connection.js';
import { smsTaskQueue } from '../../workflows/contract/activities.js';
import type { EsmeSession } from '../session/esme-session.js';
import type { SmscListener } from '../session/listener.js';
import type { ShortMessage } from '../session/messages.js';
import { createListener, startBind, type SessionOverrides } from './gateway-peers.js';
import { consoleLog, type GatewayLog } from './log.js';
import { MoInbound, type MoSource } from './mo-inbound.js';
import { MtSender } from './mt-sender.js';
import { ReceiptHandler } from './receipt-handler.js';
import { createSmsActivities } from './sms-activities.js';
import { Limiter } from './limiter.js';
import { loadGatewayState } from './gateway-state.js';

export interface GatewayOptions {
  config: SwitchboardConfig;
  client: Client;
  /** Temporal frontend for the worker (default: from the config). */
  address?: string;
  log?: GatewayLog;
  /** Default: <temporal.dataDir>/gateway-<instance>[-<gatewayId>].jsonl. One file per gateway process. */
  stateFile?: string;
  /** Backoffs and waits of the outbound binds (tests shorten them). */
  session?: SessionOverrides;
  /** Bound on handing one MO or receipt to Temporal before the carrier is told to retry (5 s). */
  signalTimeoutMs?: number;
  /** Concurrent sendSms activities (default 200). */
  maxConcurrentSends?: number;
}

export interface Gateway {
  readonly sessions: ReadonlyMap<string, EsmeSession>;
  /** The port `smpp.listen` ended up on (useful with port 0). */
  readonly listenerPort: number | undefined;
  readonly sender: MtSender;
  /** Resolves once every outbound bind is bound. */
  whenBound(timeoutMs?: number): Promise<void>;
  /** Stops taking sends, unbinds (draining what is in flight) and closes the listener. */
  stop(): Promise<void>;
}

export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const { config, client } = options;
  const log = options.log ?? consoleLog;
  const signalTimeoutMs = options.signalTimeoutMs ?? 5_000;
  const limits = config.smpp.limits;
  // One file per gateway process: two gateways (gatewayId) sharing a data dir never share state.
  const path =
    options.stateFile ??
    join(
      config.temporal.dataDir,
      `gateway-${config.temporal.instance}${config.smpp.gatewayId ? `-${config.smpp.gatewayId}` : ''}.jsonl`,
    );
  // MoInbound names the route of early-acked parts; it exists only once the state is loaded.
  const late: { inbound?: MoInbound } = {};
  const state = await loadGatewayState(path, log, (key) => late.inbound?.routeOf(key));
  const { file, mo: moLedger, mt: mtLedger } = state;
  log('info', 'gateway state loaded', { records: state.records, ms: state.ms });
  const limiter = new Limiter(limits.maxConcurrentSignals);

  const sessions = new Map<string, EsmeSession>();
  let listener: SmscListener | undefined;
  const sender = new MtSender({
    config,
    sessions,
    get listener() {
      return listener;
    },
    ledger: mtLedger,
  });
  const receipts = new ReceiptHandler({ client, ledger: mtLedger, log, signalTimeoutMs, limiter });
  const inbound = new MoInbound({
    config,
    client,
    ledger: moLedger,
    parts: state.parts,
    log,
    signalTimeoutMs,
    limiter,
    answerHelp: (source, business, customer) => {
      sender.sendUntracked({ bindId: source.bindId, side: source.side }, business, customer, config.smpp.helpText).then(
        () => log('info', 'HELP answered', { business }),
        (error: unknown) => log('warn', 'HELP answer not sent', { business, error: (error as Error).message }),
      );
    },
  });
  late.inbound = inbound;
  inbound.restore();
  const onMessage = (sm: ShortMessage, source: MoSource): Promise<string | undefined> =>
    sm.isReceipt ? receipts.handle(sm, source).then(() => undefined) : inbound.handle(sm, source);

  let listenerPort: number | undefined;
  let connection: NativeConnection | undefined;
  let worker: Worker;
  try {
    for (const bind of config.smpp.binds)
      sessions.set(bind.id, startBind(bind, limits.maxCommandLength, options.session, onMessage, log));
    if (config.smpp.listen) {
      listener = createListener(config.smpp.listen, limits.maxCommandLength, onMessage, log);
      listenerPort = await listener.listen();
    }
    connection = await connectNative(config, options.address ?? temporalAddress(config));
    worker = await Worker.create({
      connection,
      namespace: config.temporal.namespace,
      // Its own queue when several gateways run: replies come to the one holding their bind.
      taskQueue: smsTaskQueue(config.temporal.taskQueue, config.smpp.gatewayId),
      activities: createSmsActivities({ sender }),
      ...dataConverterOptions(config), // payloads encrypted when temporal.encryptionKeys is set
      maxConcurrentActivityTaskExecutions: options.maxConcurrentSends ?? 200,
      shutdownGraceTime: '10 seconds',
    });
  } catch (error) {
    // Half a gateway must not keep binds open: a carrier would deliver MOs nobody can pass on.
    inbound.close();
    await Promise.all([...sessions.values()].map((s) => s.close()));
    await listener?.close().catch(() => undefined);
    await connection?.close().catch(() => undefined);
    await file.close();
    throw error;
  }
  const running = worker.run();

  let stopping: Promise<void> | undefined;
  return {
    sessions,
    listenerPort,
    sender,
    async whenBound(timeoutMs = 10_000) {
      await Promise.all([...sessions.values()].map((s) => s.whenBound(timeoutMs)));
    },
    stop() {
      stopping ??= (async () => {
        if (worker.getState() === 'RUNNING') worker.shutdown();
        await running.catch((error: unknown) => log('error', 'SMS worker failed', { error: (error as Error).message }));
        inbound.close();
        await Promise.all([...sessions.values()].map((s) => s.close()));
        await listener?.close();
        await connection!.close();
        await file.close();
      })();
      return stopping;
    },
  };
}
