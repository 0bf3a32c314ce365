import { segmentText, type SegmentMode } from '../../platform/smpp-codec/segment.js';
import { destinationAddressFor, sourceAddressFor, type SmppAddress } from '../../platform/smpp-codec/numbers.js';
import { isShortCode } from '../../workflows/domain/phone-numbers.js';
import { shortMessageFields, type SubmitPart } from '../session/messages.js';
import type { SmscPeer } from '../session/smsc-peer.js';

// A customer's text as the simulated carrier delivers it to a bound ESME: addresses as a carrier
// writes them, UDH-segmented when long, every part sent at once, and how the ESME answered.

/** One MO: text (segmented here) or ready parts, to the bind of `systemId` (default: any). */
export interface MoRequest {
  from: string;
  to: string;
  text?: string;
  parts?: SubmitPart[];
  mode?: SegmentMode;
  systemId?: string;
}

export interface MoResult {
  /** The first refusal among the parts' responses, else 0. */
  status: number;
  statuses: number[];
  ackMs: number;
  parts: number;
}

/** Sends the MO's parts as deliver_sm on `peer`; resolves on the deliver_sm_resp(s). */
export async function deliverMo(peer: SmscPeer, mo: MoRequest, ref: number): Promise<MoResult> {
  const parts = mo.parts ?? segmentText(mo.text ?? '', { mode: mo.mode ?? 'udh8', ref });
  const started = performance.now();
  const responses = await Promise.all(
    parts.map((part) =>
      peer.conn.request(
        'deliver_sm',
        shortMessageFields(
          { source: moAddress(mo.from), destination: moAddress(mo.to), parts: [], registeredDelivery: 0 },
          part,
        ),
      ),
    ),
  );
  const statuses = responses.map((r) => r.command_status);
  return {
    status: statuses.find((s) => s !== 0) ?? 0,
    statuses,
    ackMs: performance.now() - started,
    parts: parts.length,
  };
}

/** MO addresses as a carrier sends them: E.164 as international, a short code as network-specific. */
function moAddress(number: string): SmppAddress {
  if (number.startsWith('+')) return destinationAddressFor(number);
  return isShortCode(number) ? sourceAddressFor(number, 'SHORTCODE') : { addr: number, ton: 1, npi: 1 };
}
