import { z } from 'zod';
import type { EventBatch } from '../../workflows/contract/events.js';

// What crosses Redis is checked before any stream sees it: anyone who can publish on the channel
// could send anything, and a stream's access check reads the summary (owner, participants, ...).
// A message that is not a batch is dropped with one log line naming why, never what it held (a
// batch carries customers' numbers and texts).

/** Far above any real batch (a summary and at most one message of 1,000 characters per event). */
export const MAX_WIRE_CHARS = 1_000_000;

const str = z.string().max(10_000);
const ids = z.array(str).max(1_000);

const summary = z
  .object({
    id: str,
    queueId: str,
    status: z.enum(['QUEUED', 'OFFERED', 'ACTIVE', 'CONFERENCE_REQUESTED', 'CONFERENCE', 'WRAP_UP', 'CLOSED']),
    ownerId: str.optional(),
    participants: z
      .array(z.object({ agentId: str, role: z.enum(['OWNER', 'CONFERENCE']), joinedAt: str, leftAt: str.optional() }))
      .max(1_000),
    wrapUps: z.array(z.object({ agentId: str, reasonId: str, at: str }).passthrough()).max(1_000),
    wrapUpOwedBy: ids,
    offer: z.object({ agentId: str, kind: str, seq: z.number(), expiresAt: str }).passthrough().optional(),
    eventSeq: z.number().int().nonnegative().optional(),
  })
  .passthrough();

const message = z.object({ id: str, direction: z.enum(['INBOUND', 'OUTBOUND', 'SYSTEM']), text: str, at: str });

const conversationEvent = z
  .object({ kind: str, at: str, conversationId: str, queueId: str, summary, message: message.passthrough().optional() })
  .passthrough();

const agentEvent = z
  .object({
    kind: str,
    at: str,
    agentId: str,
    conversationId: str.optional(),
    offer: z.object({ agentId: str, seq: z.number() }).passthrough().optional(),
    summary: summary.optional(),
    agent: z.object({ id: str, status: str, queues: ids, offers: ids, conversations: ids }).passthrough().optional(),
  })
  .passthrough();

// One change's events: a handful. The cap also bounds what one message pushes into a stream
// before it is drained (a Repeater throws past 1,024 pending pushes).
const MAX_EVENTS = 200;
const batch = z.object({
  conversation: z.array(conversationEvent).max(MAX_EVENTS),
  agent: z.array(agentEvent).max(MAX_EVENTS),
});

export type WireResult = { batch: EventBatch } | { problem: 'oversized' | 'not JSON' | 'not a batch' };

/** A message off the bus: the batch it carries, or why it is not one. Never throws. */
export function readBatch(message: string): WireResult {
  if (message.length > MAX_WIRE_CHARS) return { problem: 'oversized' };
  let value: unknown;
  try {
    value = JSON.parse(message);
  } catch {
    return { problem: 'not JSON' };
  }
  const parsed = batch.safeParse(value);
  return parsed.success ? { batch: parsed.data as unknown as EventBatch } : { problem: 'not a batch' };
}

/** One warning line per kind of problem and minute at most: a flood of garbage must not flood the log. */
export function problemLogger(prefix: string, now: () => number = Date.now): (problem: string, chars: number) => void {
  const last = new Map<string, number>();
  return (problem, chars) => {
    const at = now();
    if ((last.get(problem) ?? -Infinity) > at - 60_000) return;
    last.set(problem, at);
    console.warn(`${prefix} ignored a bus message: ${problem} (${chars} characters)`);
  };
}
