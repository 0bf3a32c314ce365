import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Payload, PayloadCodec } from '@temporalio/common';
import type { SwitchboardConfig } from '../../config/schema.js';
import type { TokenService } from '../auth/tokens.js';

// Temporal's codec-server endpoints, so the Temporal UI (or `temporal workflow show --codec-endpoint`)
// can show decoded payloads to those allowed: POST /codec/decode and /codec/encode with
// {"payloads":[{"metadata":{...base64},"data":"base64"}]}. Integrators only (their API key as
// `Authorization: Bearer`); the UI's origin may be listed in api.codecCorsOrigins.

const MAX_BODY = 4 * 1024 * 1024;
const MAX_PAYLOADS = 1000;

interface JsonPayload {
  metadata?: Record<string, string>;
  data?: string;
}

function fromJson(p: JsonPayload): Payload {
  const metadata = Object.fromEntries(
    Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(String(v), 'base64')]),
  );
  return { metadata, data: Buffer.from(String(p.data ?? ''), 'base64') };
}

function toJson(p: Payload): JsonPayload {
  const metadata = Object.fromEntries(
    Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v ?? new Uint8Array()).toString('base64')]),
  );
  return { metadata, data: Buffer.from(p.data ?? new Uint8Array()).toString('base64') };
}

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function codecServer(config: SwitchboardConfig, codec: PayloadCodec, tokens: TokenService) {
  const origins = new Set(config.api.codecCorsOrigins);
  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string>): void => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
  };

  return async (req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> => {
    const origin = req.headers.origin;
    const cors: Record<string, string> =
      origin && origins.has(origin)
        ? {
            'access-control-allow-origin': origin,
            'access-control-allow-credentials': 'true',
            vary: 'Origin',
            'access-control-allow-headers': 'authorization, content-type, x-namespace',
            'access-control-allow-methods': 'POST',
          }
        : {};
    if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
    if (req.method !== 'POST') return send(res, 405, { message: 'POST only' }, { ...cors, allow: 'POST, OPTIONS' });
    const key = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!key) return send(res, 401, { message: 'An integrator API key is needed: Authorization: Bearer <key>.' }, cors);
    if (!tokens.integrator(key))
      return send(res, 403, { message: 'Only integrators may use the codec endpoints.' }, cors);
    const body = await readBody(req);
    let payloads: JsonPayload[];
    try {
      const parsed = JSON.parse(body ?? '') as { payloads?: unknown };
      if (!Array.isArray(parsed.payloads) || parsed.payloads.length > MAX_PAYLOADS) throw new Error('payloads');
      payloads = parsed.payloads as JsonPayload[];
    } catch {
      return send(
        res,
        400,
        { message: `A JSON body {"payloads": [...]} of at most ${MAX_PAYLOADS} payloads and ${MAX_BODY} bytes.` },
        cors,
      );
    }
    try {
      const decoded = pathname.endsWith('/decode')
        ? await codec.decode(payloads.map(fromJson))
        : await codec.encode(payloads.map(fromJson));
      send(res, 200, { payloads: decoded.map(toJson) }, cors);
    } catch {
      send(res, 400, { message: 'A payload could not be decoded (unknown key or altered data).' }, cors);
    }
  };
}
