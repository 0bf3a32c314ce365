import { expect } from 'vitest';
import { RuleError } from '../../../workflows/domain/errors.js';
import type { ConversationSettings, ConversationState, ErrorCode } from '../../../workflows/domain/types.js';
import {
  createConversation,
  decide,
  type ConversationCommand,
  type ConversationEvent,
  type Transition,
} from '../../../workflows/conversation/rules.js';
import {
  emptyRouter,
  reduce,
  type Directory,
  type RouterCommand,
  type RouterEvent,
  type RouterState,
} from '../../../workflows/router/rules.js';

// A fixed clock: `at(s)` is s seconds after the customer's first message, so expected times
// (RONA expiry, priorityAt, auto wrap-up) can be written as plain arithmetic.
const T0 = Date.parse('2025-03-01T09:00:00.000Z');
export const at = (seconds: number): string => new Date(T0 + seconds * 1000).toISOString();

// Sales answers within 30 s, Support within 60 s: the RONA expiry shows which queue's timeout applied.
export const SETTINGS: ConversationSettings = {
  queues: [
    { id: 'sales', name: 'Sales', ronaTimeoutSeconds: 30 },
    { id: 'support', name: 'Support', ronaTimeoutSeconds: 60 },
  ],
  agents: [
    { id: 'alice', name: 'Alice' },
    { id: 'bob', name: 'Bob' },
    { id: 'carol', name: 'Carol' },
  ],
  wrapUpReasonIds: ['resolved', 'callback', 'spam'],
  autoWrapUpSeconds: 0,
  defaultReasonId: 'resolved',
  historyLimit: 5000,
};

export const AUTO_WRAP_UP: ConversationSettings = { ...SETTINGS, autoWrapUpSeconds: 120 };

/** A conversation as the workflow starts it: created QUEUED, then fed its first message at t=0. */
export function newConversation(settings = SETTINGS): ConversationState {
  const first = { id: 'mo-1', text: 'Hi, my order is late', receivedAt: at(0) };
  const s = createConversation({
    id: 'c1',
    threadId: 't1',
    queueId: 'sales',
    customerNumber: '+15550001111',
    businessNumber: '+15550009999',
    numberType: 'LONGCODE',
    first,
  });
  return decide(s, { type: 'inbound', message: first }, at(0), settings).state;
}

/** An event plus the second it happens at; without `at` it happens one second after the previous step. */
export type Step = ConversationEvent & { at?: number };

interface Driven {
  state: ConversationState;
  /** The transition of the last step (its commands and message). */
  last: Transition;
  /** The clock after the last step, in seconds from t=0. */
  clock: number;
}

export function drive(steps: Step[], settings = SETTINGS, from?: Driven): Driven {
  let state = from?.state ?? newConversation(settings);
  let clock = from?.clock ?? 0;
  let last: Transition = from?.last ?? { state, commands: [] };
  for (const { at: when, ...event } of steps) {
    clock = when ?? clock + 1;
    last = decide(state, event as ConversationEvent, at(clock), settings);
    state = last.state;
  }
  return { state, last, clock };
}

// The usual ways into each state; tests extend them rather than repeat the path.
export const OFFERED: Step[] = [{ type: 'assigned', agentId: 'alice' }];
export const ACTIVE: Step[] = [...OFFERED, { type: 'accept', agentId: 'alice' }];
export const CONF_REQUESTED: Step[] = [...ACTIVE, { type: 'requestConference', agentId: 'alice', targetId: 'bob' }];
export const CONFERENCE: Step[] = [...CONF_REQUESTED, { type: 'acceptConference', agentId: 'bob' }];
export const WRAP_UP: Step[] = [...ACTIVE, { type: 'end', agentId: 'alice' }];
export const CLOSED: Step[] = [...WRAP_UP, { type: 'wrapUp', agentId: 'alice', reasonId: 'resolved' }];

/** Commands as short strings, so a table row can list what a transition must (not) emit. */
export function summary(commands: ConversationCommand[]): string[] {
  return commands.map((c) => {
    switch (c.type) {
      case 'agentEvent':
        return `agentEvent:${c.agentId}:${c.kind}`;
      case 'conversationEvent':
        return `conversationEvent:${c.kind}`;
      case 'release':
        return `release:${c.agentId}${c.rona ? ':rona' : ''}`;
      case 'accepted':
        return `accepted:${c.agentId}`;
      case 'route':
        return `route:${c.queueId}`;
      default:
        return c.type;
    }
  });
}

/**
 * A rejection must be typed (code, field) and change nothing: `decide` throws instead of returning
 * commands, and the state it was given is deep-equal to what it was before. It happens one second
 * after the last step unless `when` says otherwise.
 */
export function expectRejected(
  from: Driven,
  event: ConversationEvent,
  code: ErrorCode,
  field?: string,
  { when = from.clock + 1, settings = SETTINGS }: { when?: number; settings?: ConversationSettings } = {},
): void {
  const before = structuredClone(from.state);
  let thrown: unknown;
  try {
    decide(from.state, event, at(when), settings);
  } catch (error) {
    thrown = error;
  }
  expect(thrown, `${event.type} should be rejected`).toBeInstanceOf(RuleError);
  expect((thrown as RuleError).code).toBe(code);
  expect((thrown as RuleError).field).toBe(field);
  expect(from.state).toEqual(before);
}

// The router: Alice serves Sales (2 at once), Bob both queues (5), Carol Support (1).
export const DIRECTORY: Directory = {
  queues: SETTINGS.queues,
  agents: [
    { id: 'bob', name: 'Bob', queues: ['sales', 'support'], capacity: 5 },
    { id: 'alice', name: 'Alice', queues: ['sales'], capacity: 2 },
    { id: 'carol', name: 'Carol', queues: ['support'], capacity: 1 },
  ],
  idleCodeIds: ['lunch', 'training'],
};

/** Feeds router events the way the workflow does: each new state replaces the last; commands come back. */
export class RouterRun {
  constructor(public state: RouterState) {}

  step(event: RouterEvent, now: string): RouterCommand[] {
    const t = reduce(this.state, event, now);
    this.state = t.state;
    return t.commands;
  }
}

/** A synced router, with the listed agents made AVAILABLE one second apart (first listed = longest idle). */
export function router(available: string[] = []): RouterRun {
  const r = new RouterRun(emptyRouter());
  r.step({ type: 'sync', directory: structuredClone(DIRECTORY) }, at(0));
  available.forEach((agentId, i) => r.step({ type: 'setStatus', agentId, status: 'AVAILABLE' }, at(i + 1)));
  return r;
}
