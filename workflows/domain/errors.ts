import type { ErrorCode } from './types.js';

/**
 * An expected rejection: wrong state, not yours, bad input. The workflow turns it into an
 * ApplicationFailure whose `type` is the code, and the API into a `userErrors` entry.
 */
export class RuleError extends Error {
  override name = 'RuleError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

const ERROR_CODES: readonly ErrorCode[] = [
  'NOT_FOUND',
  'NOT_ALLOWED',
  'INVALID_STATE',
  'INVALID_INPUT',
  'NOT_AVAILABLE',
];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
