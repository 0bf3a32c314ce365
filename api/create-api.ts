import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Client } from '@temporalio/client';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { SwitchboardConfig } from '../config/schema.js';
import type { EventBus } from '../worker/events/bus.js';
import { resolveCaller } from './auth/caller.js';
import type { RateLimitOptions } from './auth/rate-limit.js';
import type { ApiContext } from './context.js';
import { useCsrfPrevention } from './http/csrf.js';
import { readiness } from './http/probes.js';
import { armorPlugins, quietLogger } from './http/security.js';
import { staticFiles } from './http/static-files.js';
import type { CustomerPhone } from './phone/customer-phone.js';
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
  loginLimits?: RateLimitOptions;
}

export interface ServerContext {
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
  const services = createServices({ config, client, bus, ...(phone ? { phone } : {}), ...(options.loginLimits ? { loginLimits: options.loginLimits } : {}) });
  const yoga = createYoga<ServerContext, ApiContext>({
    schema: buildSchema(),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    maskedErrors: true,
    graphiql: process.env.NODE_ENV === 'development',
    landingPage: false,
    cors: false, // the desktop is same-origin; integrators call server to server
    logging: quietLogger,
    plugins: [useCsrfPrevention(), ...armorPlugins()],
    context: async ({ request, req }) => ({
      caller: await resolveCaller(request.headers.get('authorization'), services.tokens),
      services,
      loaders: createLoaders(services),
      ip: req?.socket.remoteAddress ?? 'local',
    }),
  });
  const serveStatic = webRoot ? staticFiles(webRoot) : undefined;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (pathname === '/health') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    } else if (pathname === '/ready') {
      const r = await readiness(client, bus);
      res.writeHead(r.ready ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(r));
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
      const url = await open(config.api.port);
      if (config.web.port === config.api.port) return { url };
      return { url, webUrl: await open(config.web.port) };
    },
    async close() {
      await Promise.all(servers.splice(0).map((s) => new Promise<void>((resolve) => {
        s.close(() => resolve());
        s.closeAllConnections(); // open SSE streams would hold the server for ever
      })));
      await yoga.dispose();
    },
  };
}
