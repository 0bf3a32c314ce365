import { readFileSync } from 'node:fs';
import { Client, Connection, type ConnectionOptions } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import type { SwitchboardConfig } from '../../config/schema.js';
import { ensureRuntime } from './runtime.js';
import { temporalAddress } from '../../config/derive.js';
import { clientInterceptors } from './closed-channel-guard.js';
import { dataConverterOptions } from './codec.js';

export { dataConverterOptions, payloadCodec } from './codec.js';

type Tls = NonNullable<ConnectionOptions['tls']>;

/** TLS and API key for a cluster (Temporal Cloud included); nothing for the embedded server. */
function connectionOptions(config: SwitchboardConfig, address = temporalAddress(config)) {
  const t = config.temporal;
  let tls: Tls | undefined;
  if (t.tls === true) tls = {};
  else if (t.tls) {
    tls = {
      ...(t.tls.serverName ? { serverNameOverride: t.tls.serverName } : {}),
      ...(t.tls.serverRootCACertPath ? { serverRootCACertificate: readFileSync(t.tls.serverRootCACertPath) } : {}),
      ...(t.tls.clientCertPath && t.tls.clientKeyPath
        ? { clientCertPair: { crt: readFileSync(t.tls.clientCertPath), key: readFileSync(t.tls.clientKeyPath) } }
        : {}),
    };
  }
  return { address, ...(tls ? { tls } : {}), ...(t.apiKey ? { apiKey: t.apiKey } : {}) };
}

export async function connectClient(config: SwitchboardConfig, address?: string): Promise<Client> {
  const connection = await Connection.connect({
    ...connectionOptions(config, address),
    interceptors: clientInterceptors(),
    // A history page is at least one batch of events (a router's task: many signals, or a
    // hand-over's markers, worker/history-stash.ts), which may pass gRPC's default 4 MB.
    channelArgs: { 'grpc.max_receive_message_length': 64 * 1024 * 1024 },
  });
  return new Client({ connection, namespace: config.temporal.namespace, ...dataConverterOptions(config) });
}

export async function connectNative(config: SwitchboardConfig, address?: string): Promise<NativeConnection> {
  ensureRuntime();
  return NativeConnection.connect(connectionOptions(config, address));
}
