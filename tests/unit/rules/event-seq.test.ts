import { describe, expect, it } from 'vitest';
import { sequence, stakeholders } from '../../../workflows/conversation/event-seq.js';
import type { ConversationEvent } from '../../../workflows/conversation/rules.js';
import { ACTIVE, CONFERENCE, OFFERED, WRAP_UP, drive, newConversation, summary, type Step } from './fixtures.js';

// The seq is the conversation's version: one step per change that publishes, every stakeholder
// told of each such change (so an agent's own stream sees every seq of a conversation it holds).

/** Drives the steps through the rules and `sequence`, as the workflow does. */
function sequenced(steps: Step[]) {
  let driven = drive([]);
  let state = driven.state;
  const changes: { seq: number; commands: string[] }[] = [];
  for (const step of steps) {
    driven = drive([step], undefined, { ...driven, state });
    const out = sequence(driven.state, driven.last.commands);
    state = out.state;
    changes.push({ seq: state.eventSeq ?? 0, commands: summary(out.commands) });
  }
  return { state, changes };
}

const delivered = (status: 'SUBMITTED' | 'DELIVERED'): ConversationEvent => ({
  type: 'delivery',
  messageId: 'mt-5',
  status,
  carrierIds: ['c-1'],
  segments: 1,
});
const reply: ConversationEvent = { type: 'send', agentId: 'alice', text: 'hello', messageId: 'mt-5' };

describe('sequence', () => {
  it('counts each change that publishes, once, whatever the number of its events', () => {
    const { changes } = sequenced([...ACTIVE, reply, delivered('SUBMITTED'), delivered('DELIVERED')]);
    expect(changes.map((c) => c.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('leaves a change that publishes nothing as it was', () => {
    const state = { ...newConversation(), eventSeq: 7 };
    const commands = [{ type: 'route', queueId: 'sales', priorityAt: state.priorityAt } as const];
    expect(sequence(state, [...commands])).toEqual({ state, commands });
  });

  it('tells every stakeholder of a change the rules told only the conversation about', () => {
    const { changes } = sequenced([...ACTIVE, reply, delivered('SUBMITTED')]);
    expect(changes.at(-1)!.commands).toEqual([
      'conversationEvent:DELIVERY_UPDATED',
      'agentEvent:alice:CONVERSATION_UPDATED',
    ]);
  });

  it('adds nothing where the rules already told everyone', () => {
    const { changes } = sequenced([...CONFERENCE, reply]);
    const last = changes.at(-1)!.commands;
    expect(last.filter((c) => c === 'agentEvent:alice:CONVERSATION_UPDATED')).toHaveLength(1);
    expect(last.filter((c) => c === 'agentEvent:bob:CONVERSATION_UPDATED')).toHaveLength(1);
  });

  it.each([
    ['offered', OFFERED, []],
    ['active', ACTIVE, ['alice']],
    ['in conference', CONFERENCE, ['alice', 'bob']],
    ['owing a wrap-up', WRAP_UP, ['alice']],
  ] as const)('stakeholders when %s', (_name, steps, expected) => {
    expect(stakeholders(drive([...steps]).state).sort()).toEqual([...expected]);
  });

  it('starts from 0 for a state carried over from before the seq existed', () => {
    const { eventSeq: _none, ...old } = { ...drive([...ACTIVE]).state, eventSeq: undefined };
    const out = sequence(old, [{ type: 'conversationEvent', kind: 'STATUS_CHANGED' }]);
    expect(out.state.eventSeq).toBe(1);
  });
});
