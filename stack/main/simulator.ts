// `npm run start:simulator`: the demo carrier from the loaded configuration, on its own.
import { maskNumber } from '../../config/redact.js';
import { runProcess } from '../process-lifecycle.js';

await runProcess({
  parts: ['simulator'],
  running: ({ simulator }) => {
    simulator!.on('bound', (p: { systemId: string; bindType: string }) =>
      console.log(`simulator: ${p.systemId} bound (${p.bindType})`),
    );
    simulator!.on('unbound', (p: { systemId: string; reason: string }) =>
      console.log(`simulator: ${p.systemId} unbound (${p.reason})`),
    );
    // Never the text, and the customer's number masked (config/redact.ts).
    simulator!.on('mt', (mt: { source: string; destination: string; text: string }) =>
      console.log(`simulator: MT ${mt.source} -> ${maskNumber(mt.destination)} (${[...mt.text].length} characters)`),
    );
  },
  ready: ({ config }) => `simulator: SMSC listening on 127.0.0.1:${config.smpp.simulator.port}`,
});
