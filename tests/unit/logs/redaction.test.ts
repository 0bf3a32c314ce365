import { afterEach, describe, expect, it, vi } from 'vitest';
import { maskNumber, redactArgs, redactFields, redactText } from '../../../config/redact.js';
import { consoleLog } from '../../../smpp-gateway/service/log.js';
import { logLine } from '../../../platform/temporal/runtime.js';
import { quietLogger } from '../../../api/http/security.js';

// Logs never carry a full phone number (all but the last 4 digits masked), a message's or a
// receipt's text, a token, a password or a secret: checked at each process's log sink.

const CUSTOMER = '+15557001234';
const TEXT = 'my account number is 4242 and my PIN is 9911';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLWhlcmU';

function captured(): { lines: () => string } {
  const out: string[] = [];
  for (const m of ['log', 'warn', 'error'] as const)
    vi.spyOn(console, m).mockImplementation((...a: unknown[]) => void out.push(a.map(String).join(' ')));
  return { lines: () => out.join('\n') };
}

afterEach(() => vi.restoreAllMocks());

describe('log redaction', () => {
  it('masks all but the last 4 digits of a number', () => {
    expect(maskNumber(CUSTOMER)).toBe('+*******1234');
    expect(maskNumber('12345')).toBe('*2345');
    expect(redactText(`thread sb:thread:+15551230000:${CUSTOMER} failed`)).toBe(
      'thread sb:thread:+*******0000:+*******1234 failed',
    );
  });

  it('drops texts, passwords and tokens; scrubs them from free text', () => {
    expect(redactFields({ text: TEXT, password: 'hunter2', customer: CUSTOMER, nested: { token: JWT, n: 3 } })).toEqual(
      { text: '<redacted>', password: '<redacted>', customer: '+*******1234', nested: { token: '<redacted>', n: 3 } },
    );
    expect(redactText(`Authorization: Bearer ${JWT}`)).toBe('Authorization: Bearer <redacted>');
    expect(redactText(`token ${JWT} refused`)).toBe('token <token> refused');
    expect(redactText('redis://:s3cretpass@10.0.0.5:6379 refused')).toBe('redis://<credentials>@10.0.0.5:6379 refused');
    expect(redactArgs([new Error(`no thread for ${CUSTOMER}`)])[0]).not.toContain('7001234');
  });

  it('the gateway’s log: a receipt’s text and a customer number never reach the console', () => {
    const c = captured();
    consoleLog('warn', 'unreadable delivery receipt', {
      text: `id:1 stat:DELIVRD text:${TEXT}`,
      customer: CUSTOMER,
      from: CUSTOMER,
    });
    consoleLog('info', `HELP answered for ${CUSTOMER}`);
    expect(c.lines()).not.toContain('7001234');
    expect(c.lines()).not.toContain('PIN');
    expect(c.lines()).toContain('+*******1234');
  });

  it('the Temporal SDK’s log (workflow and activity logs included)', () => {
    const line = logLine({
      level: 'WARN',
      message: `Workflow sb:thread:+15551230000:${CUSTOMER} failed`,
      timestampNanos: 1_760_000_000_000_000_000n,
      meta: { workflowId: `sb:thread:+15551230000:${CUSTOMER}`, detail: 'carrier refused', text: TEXT },
    });
    expect(line).not.toContain('7001234');
    expect(line).not.toContain(TEXT);
  });

  it('the API’s log', () => {
    const c = captured();
    quietLogger.error('request failed', new Error(`query failed for ${CUSTOMER} with Bearer ${JWT}`));
    expect(c.lines()).not.toContain('7001234');
    expect(c.lines()).not.toContain(JWT);
  });
});
