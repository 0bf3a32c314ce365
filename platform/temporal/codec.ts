import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { DataConverter, Payload, PayloadCodec } from '@temporalio/common';
import proto from '@temporalio/proto';
import type { SwitchboardConfig } from '../../config/schema.js';

// Everything Switchboard stores in Temporal (inputs, signals, updates, queries, results, memos),
// encrypted when `temporal.encryptionKeys` is set: AES-256-GCM over the whole serialized payload,
// a fresh 96-bit IV each time, and the key's id in the payload's metadata. The first key
// encrypts; every listed key decrypts, so a key is rotated by putting a new one first and
// removing the old one once no open history needs it. Unencrypted payloads pass through decode
// (histories from before encryption was turned on).

export const ENCRYPTED_ENCODING = 'binary/encrypted';
const KEY_ID = 'encryption-key-id';
const IV_BYTES = 12;
const TAG_BYTES = 16;

const PayloadProto = proto.temporal.api.common.v1.Payload;
const utf8 = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array | null | undefined) => (b ? new TextDecoder().decode(b) : undefined);

class EncryptionError extends Error {
  override name = 'EncryptionError';
}

export class AesGcmCodec implements PayloadCodec {
  private readonly keys: Map<string, Buffer>;
  private readonly current: { id: string; key: Buffer };

  constructor(keys: { id: string; key: string | Buffer }[]) {
    if (keys.length === 0) throw new EncryptionError('at least one key is needed');
    this.keys = new Map(keys.map((k) => [k.id, typeof k.key === 'string' ? Buffer.from(k.key, 'base64') : k.key]));
    for (const [id, key] of this.keys)
      if (key.length !== 32) throw new EncryptionError(`key ${id}: AES-256 needs 32 bytes`);
    this.current = { id: keys[0]!.id, key: this.keys.get(keys[0]!.id)! };
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
      const body = Buffer.concat([cipher.update(PayloadProto.encode(payload).finish()), cipher.final()]);
      return {
        metadata: { encoding: utf8(ENCRYPTED_ENCODING), [KEY_ID]: utf8(this.current.id) },
        data: Buffer.concat([iv, body, cipher.getAuthTag()]),
      };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      if (text(payload.metadata?.encoding) !== ENCRYPTED_ENCODING) return payload;
      const id = text(payload.metadata?.[KEY_ID]) ?? '';
      const key = this.keys.get(id);
      if (!key) throw new EncryptionError(`payload encrypted with unknown key '${id.slice(0, 32)}'`);
      const data = Buffer.from(payload.data ?? new Uint8Array());
      if (data.length < IV_BYTES + TAG_BYTES) throw new EncryptionError('encrypted payload too short');
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES));
      decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
      const plain = Buffer.concat([
        decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)),
        decipher.final(),
      ]);
      return PayloadProto.decode(plain) as Payload;
    });
  }
}

const codecs = new WeakMap<object, AesGcmCodec>();
/** The codec of a configuration, or undefined when payloads are not encrypted. */
export function payloadCodec(config: SwitchboardConfig): AesGcmCodec | undefined {
  const keys = config.temporal.encryptionKeys;
  if (!keys) return undefined;
  let codec = codecs.get(keys);
  if (!codec) {
    codec = new AesGcmCodec(keys);
    codecs.set(keys, codec);
  }
  return codec;
}

/** Failure messages and stack traces encoded as a payload, so the codec encrypts them as well. */
const FAILURE_CONVERTER_PATH = fileURLToPath(new URL('../../workflows/failure-converter.ts', import.meta.url));

/** For every Client and Worker: `{ dataConverter }` when encryption is on, else nothing at all. */
export function dataConverterOptions(config: SwitchboardConfig): { dataConverter?: DataConverter } {
  const codec = payloadCodec(config);
  return codec ? { dataConverter: { payloadCodecs: [codec], failureConverterPath: FAILURE_CONVERTER_PATH } } : {};
}
