import { ConfigError, loadConfig, DEMO_CONFIG_PATH } from '../config/load.js';
import type { SwitchboardConfig } from '../config/schema.js';
import { redactText } from '../config/redact.js';
import { withTemporalAddress } from './address.js';
import { startStack, type Stack, type StackOptions } from './start-stack.js';

export interface ProcessSpec extends Omit<StackOptions, 'signal' | 'onBanner'> {
  /** Only `npm start`: the demo file when SWITCHBOARD_CONFIG is unset. */
  demoWithoutConfig?: boolean;
  /** Print each part's banner line (`npm start`). */
  banners?: boolean;
  /** The one line a supervisor or a test waits for; no secrets in it. */
  ready(stack: Stack): string;
  /** What the process does once running (the simulator logs its traffic). */
  running?(stack: Stack): void;
}

/**
 * The life of every entry point: the configuration (its problems named, exit 1), the one address
 * rule, the parts through startStack, the ready line, and SIGINT/SIGTERM handled once: the first
 * stops every part, last started first, and exits 0; a second one while stopping exits at once (1).
 * A start that fails, or a part that dies, stops the rest and exits 1.
 */
export async function runProcess(spec: ProcessSpec): Promise<void> {
  let config: SwitchboardConfig;
  try {
    const path = process.env.SWITCHBOARD_CONFIG || (spec.demoWithoutConfig ? DEMO_CONFIG_PATH : undefined);
    config = withTemporalAddress(loadConfig(path));
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : redactText(String(error)));
    process.exit(1);
  }
  if (config.demo && spec.banners)
    console.log('Demo mode (demo: true): shipped secrets and demo passwords; loopback only.');

  const starting = new AbortController();
  let stack: Stack | undefined;
  let stopping = false;
  const stop = async (code: number): Promise<void> => {
    if (stopping) process.exit(code);
    stopping = true;
    if (spec.banners) console.log('\nStopping Switchboard...');
    // Still starting: startStack stops what it has started at its next step, then we exit below.
    if (!stack) return starting.abort();
    await stack.stop();
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop(stopping ? 1 : 0));

  try {
    stack = await startStack(config, {
      ...spec,
      signal: starting.signal,
      ...(spec.banners ? { onBanner: (line: string) => console.log(line) } : {}),
    });
  } catch (error) {
    if (stopping) process.exit(0);
    const message = error instanceof Error ? error.message : String(error);
    console.error(redactText(`Switchboard cannot start: ${message}`));
    process.exit(1); // startStack has stopped what it started
  }
  spec.running?.(stack);
  console.log(spec.ready(stack));
  void stack.failure.then((why: unknown) => {
    console.error(redactText(`Switchboard part failed: ${why instanceof Error ? why.message : String(why)}`));
    void stop(1);
  });
}
