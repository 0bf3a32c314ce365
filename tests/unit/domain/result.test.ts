import { describe, expect, it } from 'vitest';
import { fromPayload, ok, rejected, type Result } from '../../../workflows/domain/result.js';

// The one Result shape: the API builds it and answers with the contract's payload; the desktop
// reads the payload back into it.

describe('Result', () => {
  it('holds a value or a user error', () => {
    expect(ok(3)).toEqual({ ok: true, value: 3 });
    expect(rejected('NOT_FOUND', 'No queue.', 'queueId')).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No queue.', field: 'queueId' },
    });
    expect(rejected('INVALID_STATE', 'Ended.')).toEqual({
      ok: false,
      error: { code: 'INVALID_STATE', message: 'Ended.', field: null },
    });
  });

  const cases: [
    string,
    { id: string } | null,
    { code: 'NOT_ALLOWED'; message: string; field?: string | null }[],
    Result<{ id: string }>,
  ][] = [
    ['a value', { id: 'c1' }, [], { ok: true, value: { id: 'c1' } }],
    [
      'an error',
      null,
      [{ code: 'NOT_ALLOWED', message: 'Not yours.', field: 'conversationId' }],
      { ok: false, error: { code: 'NOT_ALLOWED', message: 'Not yours.', field: 'conversationId' } },
    ],
    [
      'the first of several errors, a missing field as null',
      null,
      [
        { code: 'NOT_ALLOWED', message: 'First.' },
        { code: 'NOT_ALLOWED', message: 'Second.' },
      ],
      { ok: false, error: { code: 'NOT_ALLOWED', message: 'First.', field: null } },
    ],
    [
      'neither is not success',
      null,
      [],
      { ok: false, error: { code: 'NOT_AVAILABLE', message: 'The server gave no answer.', field: null } },
    ],
  ];
  for (const [name, value, errors, result] of cases) {
    it(`from a payload with ${name}`, () => expect(fromPayload(value, errors)).toEqual(result));
  }
});
