// SMPP 3.4 command_status values (section 5.1.3) and whether a failed submit is worth retrying.
// "temporary": the SMSC or the bind was busy or unwell; the same PDU may succeed later.
// "permanent": the message itself is wrong or refused; resending it would fail the same way.

export type StatusClass = 'ok' | 'temporary' | 'permanent';

export interface StatusInfo {
  name: string;
  code: number;
  description: string;
  retry: StatusClass;
}

const T = 'temporary' as const;
const P = 'permanent' as const;

const ROWS = [
  ['ESME_ROK', 0x00, 'No error', 'ok'],
  ['ESME_RINVMSGLEN', 0x01, 'Message length is invalid', P],
  ['ESME_RINVCMDLEN', 0x02, 'Command length is invalid', P],
  ['ESME_RINVCMDID', 0x03, 'Invalid command ID', P],
  // The bind is not (yet) in a state to submit: rebind and try again.
  ['ESME_RINVBNDSTS', 0x04, 'Incorrect BIND status for given command', T],
  ['ESME_RALYBND', 0x05, 'ESME already in bound state', T],
  ['ESME_RINVPRTFLG', 0x06, 'Invalid priority flag', P],
  ['ESME_RINVREGDLVFLG', 0x07, 'Invalid registered delivery flag', P],
  ['ESME_RSYSERR', 0x08, 'System error', T],
  ['ESME_RINVSRCADR', 0x0a, 'Invalid source address', P],
  ['ESME_RINVDSTADR', 0x0b, 'Invalid destination address', P],
  ['ESME_RINVMSGID', 0x0c, 'Message ID is invalid', P],
  ['ESME_RBINDFAIL', 0x0d, 'Bind failed', P],
  ['ESME_RINVPASWD', 0x0e, 'Invalid password', P],
  ['ESME_RINVSYSID', 0x0f, 'Invalid system ID', P],
  ['ESME_RCANCELFAIL', 0x11, 'Cancel SM failed', P],
  ['ESME_RREPLACEFAIL', 0x13, 'Replace SM failed', P],
  ['ESME_RMSGQFUL', 0x14, 'Message queue full', T],
  ['ESME_RINVSERTYP', 0x15, 'Invalid service type', P],
  ['ESME_RINVNUMDESTS', 0x33, 'Invalid number of destinations', P],
  ['ESME_RINVDLNAME', 0x34, 'Invalid distribution list name', P],
  ['ESME_RINVDESTFLAG', 0x40, 'Destination flag is invalid (submit_multi)', P],
  ['ESME_RINVSUBREP', 0x42, "Invalid 'submit with replace' request", P],
  ['ESME_RINVESMCLASS', 0x43, 'Invalid esm_class field data', P],
  ['ESME_RCNTSUBDL', 0x44, 'Cannot submit to distribution list', P],
  // Vendors use it for anything from a routing hiccup to a full store; bounded retries are cheap.
  ['ESME_RSUBMITFAIL', 0x45, 'submit_sm or submit_multi failed', T],
  ['ESME_RINVSRCTON', 0x48, 'Invalid source address TON', P],
  ['ESME_RINVSRCNPI', 0x49, 'Invalid source address NPI', P],
  ['ESME_RINVDSTTON', 0x50, 'Invalid destination address TON', P],
  ['ESME_RINVDSTNPI', 0x51, 'Invalid destination address NPI', P],
  ['ESME_RINVSYSTYP', 0x53, 'Invalid system_type field', P],
  ['ESME_RINVREPFLAG', 0x54, 'Invalid replace_if_present flag', P],
  ['ESME_RINVNUMMSGS', 0x55, 'Invalid number of messages', P],
  ['ESME_RTHROTTLED', 0x58, 'Throttling error (ESME has exceeded allowed message limits)', T],
  ['ESME_RINVSCHED', 0x61, 'Invalid scheduled delivery time', P],
  ['ESME_RINVEXPIRY', 0x62, 'Invalid message validity period (expiry time)', P],
  ['ESME_RINVDFTMSGID', 0x63, 'Predefined message invalid or not found', P],
  ['ESME_RX_T_APPN', 0x64, 'ESME receiver temporary app error code', T],
  ['ESME_RX_P_APPN', 0x65, 'ESME receiver permanent app error code', P],
  ['ESME_RX_R_APPN', 0x66, 'ESME receiver reject message error code', P],
  ['ESME_RQUERYFAIL', 0x67, 'query_sm request failed', T],
  ['ESME_RINVOPTPARSTREAM', 0xc0, 'Error in the optional part of the PDU body', P],
  ['ESME_ROPTPARNOTALLWD', 0xc1, 'Optional parameter not allowed', P],
  ['ESME_RINVPARLEN', 0xc2, 'Invalid parameter length', P],
  ['ESME_RMISSINGOPTPARAM', 0xc3, 'Expected optional parameter missing', P],
  ['ESME_RINVOPTPARAMVAL', 0xc4, 'Invalid optional parameter value', P],
  ['ESME_RDELIVERYFAILURE', 0xfe, 'Delivery failure (data_sm_resp)', P],
  ['ESME_RUNKNOWNERR', 0xff, 'Unknown error', T],
] as const satisfies ReadonlyArray<readonly [string, number, string, StatusClass]>;

export const COMMAND_STATUS: ReadonlyMap<number, StatusInfo> = new Map(
  ROWS.map(([name, code, description, retry]) => [code, { name, code, description, retry }]),
);

// The smpp package (and SMPP 5.0) name the 0xC0-0xC4 codes after TLVs; accept both spellings.
const ALIASES = [
  ['ESME_RINVTLVSTREAM', 0xc0],
  ['ESME_RTLVNOTALLWD', 0xc1],
  ['ESME_RINVTLVLEN', 0xc2],
  ['ESME_RMISSINGTLV', 0xc3],
  ['ESME_RINVTLVVAL', 0xc4],
] as const satisfies ReadonlyArray<readonly [string, number]>;

export type StatusName = (typeof ROWS)[number][0] | (typeof ALIASES)[number][0];

/**
 * By name, e.g. STATUS.ESME_RTHROTTLED === 0x58, for code that answers PDUs: the one table of
 * command_status values in the project (the gateway's sessions and the simulator use it too).
 */
export const STATUS = Object.fromEntries([
  ...ROWS.map(([name, code]) => [name, code] as const),
  ...ALIASES,
]) as Readonly<Record<StatusName, number>> & Readonly<Record<string, number>>;

export function statusInfo(code: number): StatusInfo | undefined {
  return COMMAND_STATUS.get(code >>> 0);
}

export function statusName(code: number): string {
  return statusInfo(code)?.name ?? `0x${(code >>> 0).toString(16).padStart(8, '0')}`;
}

/**
 * Unlisted codes (the 0x400-0x4FF vendor range among them) count as permanent: retrying a refusal
 * we do not understand risks texting the customer twice for nothing.
 */
export function classifyStatus(code: number): StatusClass {
  return statusInfo(code)?.retry ?? 'permanent';
}

export function isTemporaryStatus(code: number): boolean {
  return classifyStatus(code) === 'temporary';
}

export function isPermanentStatus(code: number): boolean {
  return classifyStatus(code) === 'permanent';
}
