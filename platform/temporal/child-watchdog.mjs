#!/usr/bin/env node
// @ts-check
// Runs one program that must not outlive the process that started it (the Temporal dev server, a
// Go binary that cannot watch its parent). The parent holds the write end of our stdin; when the
// parent dies, however it dies (SIGKILL included), the kernel closes that end, stdin ends, and we
// stop the program: SIGTERM, then SIGKILL after a grace period. Plain JavaScript on purpose: it
// starts without a TypeScript loader, in a few tens of milliseconds.
//   node child-watchdog.mjs <program> [args...]
import { spawn } from 'node:child_process';

const GRACE_MS = 5000;
const [program, ...args] = process.argv.slice(2);
if (!program) {
  console.error('usage: child-watchdog.mjs <program> [args...]');
  process.exit(2);
}

const child = spawn(program, args, { stdio: ['ignore', 'inherit', 'inherit'] });
let stopping = false;

/** @param {NodeJS.Signals} signal */
function stop(signal) {
  if (stopping) return;
  stopping = true;
  child.kill(signal);
  setTimeout(() => child.kill('SIGKILL'), GRACE_MS).unref();
}

process.stdin.on('data', () => {});
process.stdin.on('end', () => stop('SIGTERM'));
process.stdin.on('close', () => stop('SIGTERM'));
process.stdin.on('error', () => stop('SIGTERM'));
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) process.on(signal, () => stop('SIGTERM'));

child.on('error', (error) => {
  console.error(`child-watchdog: cannot start ${program}: ${error.message}`);
  process.exit(127);
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + 15 : 0)));
