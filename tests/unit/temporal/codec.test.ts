import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { defaultPayloadConverter } from '@temporalio/common';
import { AesGcmCodec, ENCRYPTED_ENCODING } from '../../../platform/temporal/codec.js';

// AES-256-GCM payload codec: the key id travels in the payload, so a key can be rotated (new one
// first, old ones still decrypt); altered data or an unknown key is refused, never misread.

const k1 = { id: 'k1', key: randomBytes(32).toString('base64') };
const k2 = { id: 'k2', key: randomBytes(32).toString('base64') };
const payload = defaultPayloadConverter.toPayload({ text: 'a customer said this', from: '+15557001234' });

describe('AES-256-GCM payload codec', () => {
  it('encrypts with the first key and names it; nothing of the plaintext stays', async () => {
    const [encrypted] = await new AesGcmCodec([k1]).encode([payload]);
    expect(new TextDecoder().decode(encrypted!.metadata!.encoding!)).toBe(ENCRYPTED_ENCODING);
    expect(new TextDecoder().decode(encrypted!.metadata!['encryption-key-id']!)).toBe('k1');
    expect(Buffer.from(encrypted!.data!).toString('latin1')).not.toContain('customer');
    const [again] = await new AesGcmCodec([k1]).encode([payload]);
    expect(Buffer.from(again!.data!).equals(Buffer.from(encrypted!.data!))).toBe(false); // a fresh IV each time
  });

  it('decodes after a rotation, and passes unencrypted payloads through', async () => {
    const [old] = await new AesGcmCodec([k1]).encode([payload]);
    const rotated = new AesGcmCodec([k2, k1]);
    const [decoded] = await rotated.decode([old!]);
    expect(defaultPayloadConverter.fromPayload(decoded!)).toEqual({
      text: 'a customer said this',
      from: '+15557001234',
    });
    const [fresh] = await rotated.encode([payload]);
    expect(new TextDecoder().decode(fresh!.metadata!['encryption-key-id']!)).toBe('k2');
    expect(await rotated.decode([payload])).toEqual([payload]);
  });

  it('refuses altered data and unknown keys', async () => {
    const [encrypted] = await new AesGcmCodec([k1]).encode([payload]);
    const altered = Buffer.from(encrypted!.data!);
    altered[20] = altered[20]! ^ 1;
    await expect(new AesGcmCodec([k1]).decode([{ ...encrypted!, data: altered }])).rejects.toThrow();
    await expect(new AesGcmCodec([k2]).decode([encrypted!])).rejects.toThrow(/unknown key 'k1'/);
  });
});
