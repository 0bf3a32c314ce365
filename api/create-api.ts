import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Client } from '@temporalio/client';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { SwitchboardConfig } from '../config/schema.js';
import type { EventBus } from '../platform/events/bus.js';
import { clientAddress, resolveCaller } from './auth/caller.js';
import type { LoginPolicy } from './auth/login-limiter.js';
import type { ApiContext } from './context.js';
import { csrfPrevention } from './http/csrf.js';
import { payloadCodec } from '../platform/temporal/connection.js';
import { codecServer } from './http/codec-server.js';
import { useInputErrorCodes } from './http/input-errors.js';
import { useOperationLimits } from './http/operation-limits.js';
import { cachedReadiness } from './http/probes.js';
import { SECURITY_HEADERS } from './http/static-files.js';
import { armorPlugins, quietLogger } from './http/security.js';
import { staticFiles } from './http/static-files.js';
import type { CustomerPhone } from '../workflows/contract/customer-phone.js';
import { buildSchema } from './schema.js';
import { createLoaders } from './services/loaders.js';
import { createServices, type Services } from './services/services.js';

export interface ApiOptions {
  config: SwitchboardConfig;
  client: Client;
  bus: EventBus;
  /** The demo customer phone (carrier simulator); its operations are open only when given. */
  phone?: CustomerPhone;
  /** The built desktop (web/build), served with an SPA fallback. */
  webRoot?: string;
  /** Overrides of auth.login (tests). */
  loginLimits?: Partial<LoginPolicy>;
}

interface ServerContext {
  req?: IncomingMessage;
  res?: ServerResponse;
}

export interface Api {
  yoga: YogaServerInstance<ServerContext, ApiContext>;
  services: Services;
  /** Starts HTTP on api.port (and web.port when it differs); resolves with the base URLs. */
  listen(): Promise<{ url: string; webUrl?: string }>;
  close(): Promise<void>;
}

export function createApi(options: ApiOptions): Api {
  const { config, client, bus, phone, webRoot } = options;
  // The anonymous customer phone is a demo part (config/mode-checks.ts refuses the simulator elsewhere).
  if (phone && !config.demo) throw new Error('the customer-phone API runs only in a demo (demo: true)');
  const services = createServices({
    config,
    client,
    bus,
    ...(phone ? { phone } : {}),
    ...(options.loginLimits ? { loginLimits: options.loginLimits } : {}),
  });
  const yoga = createYoga<ServerContext, ApiContext>({
    schema: buildSchema(),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    maskedErrors: true,
    graphiql: process.env.NODE_ENV === 'development',
    landingPage: false,
    cors: false, // the desktop is same-origin; integrators call server to server
    logging: quietLogger,
    plugins: [csrfPrevention(), ...armorPlugins(), useOperationLimits({ demo: config.demo }), useInputErrorCodes()],
    context: async ({ request, req }) => ({
      caller: await resolveCaller(request.headers.get('authorization'), services.tokens),
      services,
      loaders: createLoaders(services),
      ip: clientAddress(request.headers, req?.socket.remoteAddress, config.api.trustedProxyHeader),
    }),
  });
  const serveStatic = webRoot ? staticFiles(webRoot) : undefined;
  const ready = cachedReadiness(client, bus);
  const codec = payloadCodec(config);
  const serveCodec = codec ? codecServer(config, codec, services.tokens) : undefined;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    if (pathname === '/health') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    } else if (pathname === '/ready') {
      const r = await ready();
      res.writeHead(r.ready ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(r));
    } else if (serveCodec && (pathname === '/codec/decode' || pathname === '/codec/encode')) {
      await serveCodec(req, res, pathname);
    } else if (pathname === '/graphql' || !serveStatic) {
      await yoga(req, res);
    } else {
      await serveStatic(req, res, pathname);
    }
  }

  const servers: Server[] = [];
  function open(port: number): Promise<string> {
    const server = createServer((req, res) => {
      handle(req, res).catch((error: unknown) => {
        quietLogger.error('request failed', error instanceof Error ? error.message : String(error));
        if (!res.headersSent) res.writeHead(500).end();
        else res.destroy();
      });
    });
    servers.push(server);
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, config.api.host, () => {
        const { address, port: actual } = server.address() as AddressInfo;
        resolve(`http://${address.includes(':') ? `[${address}]` : address}:${actual}`);
      });
    });
  }

  return {
    yoga,
    services,
    async listen() {
      await services.ready;
      const url = await open(config.api.port);
      if (config.web.port === config.api.port) return { url };
      return { url, webUrl: await open(config.web.port) };
    },
    async close() {
      await Promise.all(
        servers.splice(0).map(
          (s) =>
            new Promise<void>((resolve) => {
              s.close(() => resolve());
              s.closeAllConnections(); // open SSE streams would hold the server for ever
            }),
        ),
      );
      await yoga.dispose();
      await services.close();
    },
  };
}
