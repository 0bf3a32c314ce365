import type { SwitchboardConfig } from '../../config/schema.js';
import { normaliseAddress } from '../../platform/smpp-codec/numbers.js';
import { decodeUserData } from '../../platform/smpp-codec/user-data.js';
import { STATUS } from '../../platform/smpp-codec/status.js';
import type { ShortMessage } from '../session/messages.js';
import { statusError, type GatewayLog } from './log.js';
import { inScope, type AccountScope } from './mo-scope.js';

/** Where an MO came in: an outbound bind (deliver_sm) or a peer bound to our listener (submit_sm). */
export interface MoSource {
  side: 'esme' | 'listener';
  /** The bind id, or the listener peer's system_id. */
  bindId: string;
  gsmPacked: boolean;
  /** How long a part's response may be held (below the carrier's response timeout). */
  holdMs: number;
  /** A listener account's scoping: what it may submit for. */
  scope?: AccountScope;
}

export const ESME_RINVSRCADR = 0x0a; // not in the session's typed STATUS subset
export const ESME_RINVMSGLEN = 0x01;

const chars = (text: string): number => {
  let n = 0;
  for (const _ of text) n++;
  return n;
};

/** A text over smpp.limits.maxMessageChars is refused whole. */
export function checkLength(config: SwitchboardConfig, log: GatewayLog, text: string, source: MoSource): void {
  const max = config.smpp.limits.maxMessageChars;
  if (text.length <= max || chars(text) <= max) return;
  log('warn', 'MO refused: text over smpp.limits.maxMessageChars', { bind: source.bindId, max });
  throw statusError(ESME_RINVMSGLEN, `message over ${max} characters`);
}

/**
 * The checks every MO passes before anything is kept: addresses that normalise, a business number
 * we serve, the account's scope; then its user data decoded. Each refusal is a typed status.
 */
export function decodeMo(config: SwitchboardConfig, log: GatewayLog, sm: ShortMessage, source: MoSource) {
  const from = address(log, sm.source, ESME_RINVSRCADR, 'source');
  const to = address(log, sm.destination, STATUS.ESME_RINVDSTADR, 'destination');
  if (!config.numbers.some((n) => n.number === to)) {
    log('warn', 'MO to an unknown business number refused', { to, bind: source.bindId });
    throw statusError(STATUS.ESME_RINVDSTADR, `no business number ${to}`);
  }
  const refused = inScope(source.scope, from, to);
  if (refused) {
    log('warn', "MO outside the account's scope refused", { bind: source.bindId, which: refused });
    throw statusError(refused === 'source' ? ESME_RINVSRCADR : STATUS.ESME_RINVDSTADR, `not this account's ${refused}`);
  }
  const num = (key: string): number | undefined =>
    typeof sm.pdu[key] === 'number' ? (sm.pdu[key] as number) : undefined;
  const ud = decodeUserData(
    {
      esmClass: sm.esmClass,
      dataCoding: sm.dataCoding,
      shortMessage: sm.shortMessage,
      ...(sm.messagePayload ? { messagePayload: sm.messagePayload } : {}),
      ...optional('sar_msg_ref_num', num('sar_msg_ref_num')),
      ...optional('sar_total_segments', num('sar_total_segments')),
      ...optional('sar_segment_seqnum', num('sar_segment_seqnum')),
    },
    { gsmPacked: source.gsmPacked },
  );
  checkLength(config, log, ud.text, source);
  return { from, to, ud, userMessageReference: num('user_message_reference') };
}

function address(log: GatewayLog, a: { addr: string; ton: number; npi: number }, status: number, which: string) {
  try {
    return normaliseAddress(a.addr, a.ton, a.npi);
  } catch (error) {
    log('warn', `MO with a bad ${which} address refused`, { ton: a.ton, error: (error as Error).message });
    throw statusError(status, `bad ${which} address`);
  }
}

function optional<K extends string>(key: K, value: number | undefined): Partial<Record<K, number>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, number>);
}
