import { loadConfigOrExit } from '../../config/load.js';
import { maskNumber } from '../../config/redact.js';
import { simulatorFromConfig } from './from-config.js';

// `tsx smpp-gateway/simulator/main.ts`: the demo carrier from the loaded configuration.
const simulator = simulatorFromConfig(loadConfigOrExit());
simulator.on('bound', (p: { systemId: string; bindType: string }) =>
  console.log(`simulator: ${p.systemId} bound (${p.bindType})`),
);
simulator.on('unbound', (p: { systemId: string; reason: string }) =>
  console.log(`simulator: ${p.systemId} unbound (${p.reason})`),
);
// Never the text, and the customer's number masked (config/redact.ts).
simulator.on('mt', (mt: { source: string; destination: string; text: string }) =>
  console.log(`simulator: MT ${mt.source} -> ${maskNumber(mt.destination)} (${[...mt.text].length} characters)`),
);

const listening = await simulator.start();
console.log(`simulator: SMSC listening on 127.0.0.1:${listening}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void simulator.stop().then(() => process.exit(0));
  });
}
