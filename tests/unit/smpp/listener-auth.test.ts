import { describe, expect, it } from 'vitest';
import { BindThrottle } from '../../../smpp-gateway/session/bind-throttle.js';
import {
  addressAllowed,
  authenticate,
  constantTimeEqual,
  normaliseIp,
} from '../../../smpp-gateway/session/listener-auth.js';

const accounts = [
  { systemId: 'aggregator-b', password: 'secret2' },
  { systemId: 'office', password: 'pw', allowedAddresses: ['10.1.0.0/16'] },
];

describe('listener authentication', () => {
  it('an unknown system_id and a wrong password both come back undefined (one status for both)', () => {
    expect(authenticate(accounts, 'aggregator-b', 'secret2', '127.0.0.1')?.systemId).toBe('aggregator-b');
    expect(authenticate(accounts, 'nobody', 'secret2', '127.0.0.1')).toBeUndefined();
    expect(authenticate(accounts, 'aggregator-b', 'secret', '127.0.0.1')).toBeUndefined();
    expect(authenticate(accounts, 'aggregator-b', '', '127.0.0.1')).toBeUndefined();
  });

  it('an account with allowedAddresses binds only from them (IPv4-mapped IPv6 is the same peer)', () => {
    expect(authenticate(accounts, 'office', 'pw', '10.1.2.3')?.systemId).toBe('office');
    expect(authenticate(accounts, 'office', 'pw', '::ffff:10.1.200.9')?.systemId).toBe('office');
    expect(authenticate(accounts, 'office', 'pw', '10.2.0.1')).toBeUndefined();
    expect(normaliseIp('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(addressAllowed('192.0.2.7', ['192.0.2.7'])).toBe(true);
    expect(addressAllowed('192.0.2.7', ['192.0.2.0/31', 'bogus/99'])).toBe(false);
    expect(addressAllowed('::1', ['::1'])).toBe(true);
  });

  it('compares in constant time over digests: equal lengths never short-circuit, different lengths do not throw', () => {
    expect(constantTimeEqual('secret2', 'secret2')).toBe(true);
    expect(constantTimeEqual('secret2', 'secret3')).toBe(false);
    expect(constantTimeEqual('a', 'a much longer guess')).toBe(false);
  });
});

describe('failed-bind throttle', () => {
  it('doubles the wait per failure up to the max, per address; a success clears it; an old failure is forgotten', () => {
    let now = 0;
    const t = new BindThrottle({ initialMs: 1000, maxMs: 4000, forgetAfterMs: 60_000 }, () => now);
    expect(t.delayFor('a')).toBe(0);
    t.failed('a');
    expect(t.delayFor('a')).toBe(1000);
    t.failed('a');
    expect(t.delayFor('a')).toBe(2000);
    t.failed('a');
    t.failed('a');
    t.failed('a');
    expect(t.delayFor('a')).toBe(4000);
    expect(t.delayFor('b')).toBe(0);
    now += 3000;
    expect(t.delayFor('a')).toBe(1000);
    t.succeeded('a');
    expect(t.delayFor('a')).toBe(0);
    t.failed('c');
    now += 61_000;
    expect(t.delayFor('c')).toBe(0);
  });

  it('remembers a bounded number of addresses', () => {
    const t = new BindThrottle({ initialMs: 1000, maxMs: 4000, maxAddresses: 3 }, () => 0);
    for (const a of ['1', '2', '3', '4']) t.failed(a);
    expect(t.delayFor('1')).toBe(0);
    expect(t.delayFor('4')).toBe(1000);
  });
});
