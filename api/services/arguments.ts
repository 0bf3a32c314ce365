import { isTypedNumber, TYPED_NUMBER_RULE } from '../../workflows/domain/phone-numbers.js';
import { badInput } from '../auth/errors.js';
import { decodeCursor } from './conversation-list.js';

// Every argument of every operation is checked by its name before a resolver runs: a bad one is
// BAD_USER_INPUT naming the argument (extensions.argument), and nothing is done. What can be
// right in shape but wrong in substance (a message over 1000 characters, an unknown queue) stays
// a userError of the mutation, as the contract says.

type Check = (value: unknown) => string | undefined;

const CONTROL = /[\u0000-\u001f\u007f]/;
const ID = /^[a-z0-9][a-z0-9_-]{0,62}$/i; // config/schema.ts: queues, agents, reasons, idle codes

const string =
  (max: number, pattern?: RegExp, what = `at most ${max} characters`): Check =>
  (v) => {
    if (typeof v !== 'string') return 'must be a string';
    if (v.length > max) return `must be ${what}`;
    if (pattern && !pattern.test(v)) return `must be ${what}`;
    return undefined;
  };

const conversationId: Check = (v) =>
  string(200, undefined, 'a conversation id (at most 200 characters)')(v) ??
  (typeof v === 'string' && (v.length === 0 || CONTROL.test(v)) ? 'must be a conversation id' : undefined);

const configId = string(63, ID, 'a configured id (letters, digits, - and _, at most 63)');
const phone: Check = (v) =>
  typeof v !== 'string'
    ? 'must be a string'
    : isTypedNumber(v)
      ? undefined
      : `must be a phone number: ${TYPED_NUMBER_RULE}`;

const RULES: Record<string, Check> = {
  id: conversationId,
  conversationId,
  after: (v) => (typeof v === 'string' && decodeCursor(v) ? undefined : 'must be an endCursor from this list'),
  first: (v) =>
    Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 100 ? undefined : 'must be an integer from 0 to 100',
  search: string(100),
  status: (v) => (!Array.isArray(v) || v.length <= 10 ? undefined : 'must list at most 10 statuses'),
  queueId: configId,
  agentId: configId,
  reasonId: configId,
  idleCodeId: configId,
  phoneNumber: phone,
  businessNumber: phone,
  customerNumber: phone,
  // Longer than any valid value by far: the mutation answers those with a userError.
  text: string(10_000),
  clientMessageId: string(1000),
  username: string(1000),
  password: string(1000),
};

/** Throws BAD_USER_INPUT for the first argument that is not well formed (null means absent). */
export function checkArguments(args: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(args)) {
    if (value === null || value === undefined) continue;
    const rule = RULES[name];
    if (!rule) continue; // enums and booleans: GraphQL itself checks them
    const problem = rule(value);
    if (problem) throw badInput(`Argument ${name} ${problem}.`, name);
  }
}
