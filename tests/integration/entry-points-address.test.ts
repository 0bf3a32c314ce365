import { afterEach, describe, expect, inject, it } from 'vitest';
import type { SwitchboardConfig } from '../../config/schema.js';
import { startProcess, writeConfigFile, type Child } from '../../harness/child-process.js';
import { testConfig } from '../../harness/test-config.js';

// One address rule for every entry point: SWITCHBOARD_TEMPORAL_ADDRESS replaces temporal.address.
// The file names a port nothing listens on, so an entry point that read the file's address instead
// would never be ready (the API once did).

const NOWHERE = '127.0.0.1:1';

function configAtNowhere(): SwitchboardConfig {
  const base = testConfig();
  return {
    ...base,
    temporal: { ...base.temporal, address: NOWHERE },
    api: { ...base.api, host: '127.0.0.1', port: 0 },
    web: { port: 0 },
  };
}

const children: Child[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) await child.kill('SIGTERM');
});

describe('SWITCHBOARD_TEMPORAL_ADDRESS overrides the configured address', () => {
  const address = inject('temporalAddress');

  it('the API process connects there and is ready', async () => {
    const api = await startProcess(
      'stack/main/api.ts',
      { SWITCHBOARD_CONFIG: writeConfigFile(configAtNowhere()), SWITCHBOARD_TEMPORAL_ADDRESS: address },
      /^\{"listening".*\}$/m,
      30_000,
    );
    children.push(api);
    const url = (JSON.parse(/^\{"listening".*\}$/m.exec(api.output())![0]) as { listening: string }).listening;
    // /ready asks Temporal: the process talks to the overriding address, not the file's.
    const ready = await fetch(`${url}/ready`);
    expect(await ready.json()).toMatchObject({ ready: true });
    expect(ready.status).toBe(200);
  });

  it.each([
    ['stack/main/worker.ts', /worker ready on task queue \S+ at (\S+)/],
    ['stack/main/gateway.ts', /gateway ready: .* at (\S+)/],
  ])('%s connects there and says so', async (entry, ready) => {
    const child = await startProcess(
      entry,
      { SWITCHBOARD_CONFIG: writeConfigFile(configAtNowhere()), SWITCHBOARD_TEMPORAL_ADDRESS: address },
      ready,
      30_000,
    );
    children.push(child);
    expect(ready.exec(child.output())?.[1]).toBe(address);
  });
});
