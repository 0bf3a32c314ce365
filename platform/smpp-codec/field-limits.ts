// Maximum sizes of SMPP 3.4 C-Octet String fields (section 5.2, 4.x tables), NUL included, and the
// status a field over its maximum is answered with. The `smpp` package knows neither.

interface CStringLimit {
  max: number;
  /** The command_status for a value that is too long or unterminated. */
  status: number;
}

const ESME_RINVCMDLEN = 0x02;
const ESME_RINVSRCADR = 0x0a;
const ESME_RINVDSTADR = 0x0b;
const ESME_RINVMSGID = 0x0c;
const ESME_RINVPASWD = 0x0e;
const ESME_RINVSYSID = 0x0f;
const ESME_RINVSERTYP = 0x15;
const ESME_RINVSCHED = 0x61;
const ESME_RINVEXPIRY = 0x62;

export const CSTRING_LIMITS: Readonly<Record<string, CStringLimit>> = {
  system_id: { max: 16, status: ESME_RINVSYSID },
  password: { max: 9, status: ESME_RINVPASWD },
  system_type: { max: 13, status: ESME_RINVCMDLEN },
  address_range: { max: 41, status: ESME_RINVCMDLEN },
  service_type: { max: 6, status: ESME_RINVSERTYP },
  source_addr: { max: 21, status: ESME_RINVSRCADR },
  destination_addr: { max: 21, status: ESME_RINVDSTADR },
  esme_addr: { max: 65, status: ESME_RINVCMDLEN },
  schedule_delivery_time: { max: 17, status: ESME_RINVSCHED },
  validity_period: { max: 17, status: ESME_RINVEXPIRY },
  final_date: { max: 17, status: ESME_RINVCMDLEN },
  message_id: { max: 65, status: ESME_RINVMSGID },
};

/** Fields without an entry: SMPP's largest C-string (65 octets), so nothing reads on unbounded. */
export const DEFAULT_CSTRING_LIMIT: CStringLimit = { max: 65, status: ESME_RINVCMDLEN };

/** Fixed-width TLV value types: a TLV of such a type with any other length is ESME_RINVTLVLEN. */
export const TLV_WIDTHS: Readonly<Record<string, number>> = { int8: 1, int16: 2, int32: 4 };
