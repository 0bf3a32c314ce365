import { smppLib } from './smpp-lib.js';

// TEMPORARY until codec/status.ts lands.
const names = new Map<number, string>(Object.entries(smppLib.errors).map(([name, code]) => [code, name]));
export const statusName = (status: number): string => names.get(status) ?? `status 0x${status.toString(16)}`;
const TEMPORARY = new Set([0x08, 0x14, 0x58, 0x64, 0x45, 0x05]);
export const isTemporaryStatus = (status: number): boolean => TEMPORARY.has(status);
