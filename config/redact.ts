// What may reach a log line, defined once for every process: never a full phone number (all but
// the last 4 digits masked), never a message's or receipt's text, a token, a password or a secret.
// Fields are dropped by name; free text (error messages) is scrubbed by shape.

const SECRET_FIELDS =
  /^(text|body|shortmessage|short_message|message_payload|password|passwordhash|secret|jwtsecret|token|apikey|key|authorization)$/i;
const NUMBER_FIELDS =
  /^(customer|customernumber|phonenumber|from|to|addr|source|destination|msisdn|business|businessnumber)$/i;

/** +15551230000 -> +*******0000; short strings of digits (short codes) are left as they are. */
export function maskNumber(value: string): string {
  const digits = value.replace(/\D/g, '').length;
  if (digits <= 4) return value;
  let keep = 4;
  return [...value]
    .reverse()
    .map((ch) => (/\d/.test(ch) ? (keep-- > 0 ? ch : '*') : ch))
    .reverse()
    .join('');
}

/** Scrubs free text: phone-number-like digit runs, JWTs, bearer credentials, passwords in URLs. */
export function redactText(text: string): string {
  return text
    .replace(/eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/g, '<token>')
    .replace(/(Bearer\s+)\S+/gi, '$1<redacted>')
    .replace(/([a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi, '$1<credentials>@')
    .replace(/(?<![\w.-])\+?\d[\d ]{6,17}\d(?![\w.-])/g, (m) => maskNumber(m));
}

/** A log record's fields with secrets and texts dropped and numbers masked, recursively. */
export function redactFields(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value instanceof Error) return redactText(value.message);
  if (depth > 5 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redactFields(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => {
      if (SECRET_FIELDS.test(k)) return [k, '<redacted>'];
      if (NUMBER_FIELDS.test(k) && typeof v === 'string') return [k, maskNumber(v)];
      return [k, redactFields(v, depth + 1)];
    }),
  );
}

/** For console-style arguments: strings scrubbed, errors to their scrubbed message, objects redacted. */
export function redactArgs(args: unknown[]): unknown[] {
  return args.map((a) => (a instanceof Error ? redactText(a.stack ?? a.message) : redactFields(a)));
}
