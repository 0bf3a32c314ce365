// The outcome of an operation that may be refused, one shape on both sides of the wire. The API
// builds it from the rules' RuleError (api/services/result.ts) and turns it into the contract's
// payload (`{ conversation, userErrors }`); the desktop turns that payload back into it.
import type { ErrorCode } from './types.js';

export interface UserError {
  code: ErrorCode;
  message: string;
  field: string | null;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: UserError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function rejected<T = never>(code: ErrorCode, message: string, field: string | null = null): Result<T> {
  return { ok: false, error: { code, message, field } };
}

/**
 * From a payload's value and userErrors (the wire). The API answers either a value or errors;
 * a payload with neither is refused as unavailable rather than taken for success.
 */
export function fromPayload<T>(
  value: T | null | undefined,
  userErrors: readonly { code: ErrorCode; message: string; field?: string | null }[],
): Result<T> {
  const first = userErrors[0];
  if (first) return rejected(first.code, first.message, first.field ?? null);
  if (value === null || value === undefined) return rejected('NOT_AVAILABLE', 'The server gave no answer.');
  return ok(value);
}
