import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  classifyStatus,
  COMMAND_STATUS,
  isPermanentStatus,
  isTemporaryStatus,
  STATUS,
  statusInfo,
  statusName,
} from '../../../platform/smpp-codec/status.js';

const { errors } = createRequire(import.meta.url)('smpp/lib/defs.js') as { errors: Record<string, number> };

describe('command_status table', () => {
  it('has the SMPP 3.4 codes the gateway needs', () => {
    expect(STATUS).toMatchObject({
      ESME_ROK: 0x00,
      ESME_RINVMSGLEN: 0x01,
      ESME_RINVCMDLEN: 0x02,
      ESME_RINVCMDID: 0x03,
      ESME_RINVBNDSTS: 0x04,
      ESME_RALYBND: 0x05,
      ESME_RSYSERR: 0x08,
      ESME_RINVSRCADR: 0x0a,
      ESME_RINVDSTADR: 0x0b,
      ESME_RBINDFAIL: 0x0d,
      ESME_RINVPASWD: 0x0e,
      ESME_RINVSYSID: 0x0f,
      ESME_RMSGQFUL: 0x14,
      ESME_RTHROTTLED: 0x58,
      ESME_RX_T_APPN: 0x64,
      ESME_RX_P_APPN: 0x65,
      ESME_RX_R_APPN: 0x66,
      ESME_RINVESMCLASS: 0x43,
      ESME_RSUBMITFAIL: 0x45,
    });
  });

  it('agrees with the smpp package on every code both define', () => {
    let compared = 0;
    for (const [name, code] of Object.entries(errors)) {
      if (name in STATUS) {
        expect(STATUS[name]).toBe(code);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(45);
  });

  it('has unique codes and names', () => {
    const names = [...COMMAND_STATUS.values()].map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    expect(statusInfo(0x58)).toMatchObject({ name: 'ESME_RTHROTTLED', retry: 'temporary' });
  });

  it('names unknown codes in hex', () => {
    expect(statusName(0x0e)).toBe('ESME_RINVPASWD');
    expect(statusName(0x401)).toBe('0x00000401');
  });
});

describe('retry classification', () => {
  it('busy, throttled and unwell are temporary', () => {
    for (const name of [
      'ESME_RMSGQFUL',
      'ESME_RTHROTTLED',
      'ESME_RX_T_APPN',
      'ESME_RSYSERR',
      'ESME_RINVBNDSTS',
      'ESME_RSUBMITFAIL',
    ]) {
      expect(isTemporaryStatus(STATUS[name]!)).toBe(true);
    }
  });

  it('bad messages and refused binds are permanent', () => {
    for (const name of [
      'ESME_RINVDSTADR',
      'ESME_RINVSRCADR',
      'ESME_RINVMSGLEN',
      'ESME_RX_P_APPN',
      'ESME_RX_R_APPN',
      'ESME_RINVESMCLASS',
      'ESME_RINVPASWD',
      'ESME_RINVSYSID',
      'ESME_RBINDFAIL',
    ]) {
      expect(isPermanentStatus(STATUS[name]!)).toBe(true);
    }
  });

  it('OK is neither; unknown vendor codes are permanent', () => {
    expect(classifyStatus(0)).toBe('ok');
    expect(isTemporaryStatus(0) || isPermanentStatus(0)).toBe(false);
    expect(classifyStatus(0x420)).toBe('permanent');
  });
});
