import { chromium, type Browser } from 'playwright-core';

// The system Chromium (browsers cannot be downloaded here), without vitest so the web benchmark
// can use it too. The flags keep Chromium off the network it would otherwise probe (updates,
// sync, QUIC), which this machine's closed network turns into a flood of failing connections.

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

/** launch() gives every run a fresh temporary user-data dir; each context is a separate profile. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}
