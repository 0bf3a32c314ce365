import { loadConfig } from '../../config/load.js';
import { CarrierSimulator } from './carrier-simulator.js';

// `tsx smpp-gateway/simulator/main.ts`: the demo carrier from the loaded configuration. It accepts
// the credentials of every bind pointed at its port, so the gateway binds exactly as to a carrier.
const config = loadConfig();
const { port, receiptDelayMs } = config.smpp.simulator;
const credentials = config.smpp.binds
  .filter((b) => b.port === port && ['127.0.0.1', 'localhost', '::1'].includes(b.host))
  .map((b) => ({ systemId: b.systemId, password: b.password }));

const simulator = new CarrierSimulator({ port, host: '127.0.0.1', receiptDelayMs, ...(credentials.length > 0 ? { credentials } : {}) });
simulator.on('bound', (p: { systemId: string; bindType: string }) => console.log(`simulator: ${p.systemId} bound (${p.bindType})`));
simulator.on('unbound', (p: { systemId: string; reason: string }) => console.log(`simulator: ${p.systemId} unbound (${p.reason})`));
simulator.on('mt', (mt: { source: string; destination: string; text: string }) => console.log(`simulator: MT ${mt.source} -> ${mt.destination}: ${mt.text}`));

const listening = await simulator.start();
console.log(`simulator: SMSC listening on 127.0.0.1:${listening}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void simulator.stop().then(() => process.exit(0));
  });
}
