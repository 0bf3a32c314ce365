import type { ESLint } from 'eslint';
export declare const ALLOWED: Record<string, string[]>;
export declare const roomsPlugin: ESLint.Plugin;
