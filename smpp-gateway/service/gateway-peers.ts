import type { BindConfig, SwitchboardConfig } from '../../config/schema.js';
import { EsmeSession, type EsmeSessionOptions } from '../session/esme-session.js';
import { SmscListener } from '../session/listener.js';
import type { ShortMessage } from '../session/messages.js';
import type { GatewayLog } from './log.js';
import type { MoSource } from './mo-inbound.js';

// The gateway's SMPP peers: each outbound bind as a started EsmeSession and the `smpp.listen`
// listener, wired to the one MO/receipt handler and logged. Opening the listener's port and
// closing everything stay with startGateway, which owns their order.

/** Hands one deliver_sm / submit_sm to the MO or receipt path; resolves with the MO's id. */
export type OnMessage = (sm: ShortMessage, source: MoSource) => Promise<string | undefined>;

/** Backoffs and waits of the outbound binds (tests shorten them). */
export type SessionOverrides = Pick<
  EsmeSessionOptions,
  'rebindBackoff' | 'throttleBackoff' | 'throttleRetries' | 'bindWaitMs' | 'drainMs'
>;

// A part's response may be held for most of the carrier's response timeout; ours is the estimate.
const HOLD_FRACTION = 0.8;
const LISTENER_HOLD_MS = 8_000;

/** One outbound bind, started (it binds and rebinds on its own). */
export function startBind(
  bind: BindConfig,
  maxCommandLength: number,
  overrides: SessionOverrides | undefined,
  onMessage: OnMessage,
  log: GatewayLog,
): EsmeSession {
  const source: MoSource = {
    side: 'esme',
    bindId: bind.id,
    gsmPacked: bind.gsmPacked,
    holdMs: bind.responseTimeoutSeconds * 1000 * HOLD_FRACTION,
  };
  const session = new EsmeSession(bind, {
    bindWaitMs: 20_000,
    maxCommandLength,
    ...overrides,
    onDeliver: async (sm) => {
      await onMessage(sm, source);
    },
  });
  session.on('bound', () =>
    log('info', 'bound', { bind: bind.id, host: bind.host, port: bind.port, systemId: bind.systemId }),
  );
  session.on('unbound', (reason: string) => log('warn', 'bind lost', { bind: bind.id, reason }));
  session.on('bind-failed', (error: Error) => log('warn', 'bind failed', { bind: bind.id, error: error.message }));
  return session.start();
}

/** The `smpp.listen` listener, not yet listening: a peer's submit_sm is an MO from that peer. */
export function createListener(
  listen: NonNullable<SwitchboardConfig['smpp']['listen']>,
  maxCommandLength: number,
  onMessage: OnMessage,
  log: GatewayLog,
): SmscListener {
  const listener = new SmscListener(listen, {
    maxCommandLength,
    onSubmit: async (sm, systemId, account) => ({
      messageId:
        (await onMessage(sm, {
          side: 'listener',
          bindId: systemId,
          gsmPacked: false,
          holdMs: LISTENER_HOLD_MS,
          scope: account,
        })) ?? '',
    }),
  });
  listener.on('bound', (systemId: string, bindType: string) =>
    log('info', 'peer bound to the listener', { systemId, bindType }),
  );
  return listener;
}
