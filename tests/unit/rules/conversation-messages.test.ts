import { describe, expect, it } from 'vitest';
import type { ErrorCode, InboundMessage } from '../../../workflows/domain/types.js';
import type { Keyword } from '../../../workflows/domain/keywords.js';
import { decide, type ConversationEvent } from '../../../workflows/conversation/rules.js';
import {
  ACTIVE,
  CLOSED,
  CONF_REQUESTED,
  CONFERENCE,
  OFFERED,
  SETTINGS,
  WRAP_UP,
  at,
  drive,
  expectRejected,
  summary,
  type Step,
} from './fixtures.js';

const mo = (id: string, text: string, keyword?: Keyword): InboundMessage => ({
  id,
  text,
  receivedAt: at(50),
  ...(keyword ? { keyword } : {}),
});
const reply = (agentId: string, text: string, clientMessageId?: string): ConversationEvent => ({
  type: 'send',
  agentId,
  text,
  messageId: `mt-${text.length}`,
  ...(clientMessageId ? { clientMessageId } : {}),
});

describe('inbound', () => {
  it('adds the customer message and tells the owner', () => {
    const { state, last } = drive([...ACTIVE, { type: 'inbound', message: mo('mo-2', 'Still there?') }]);
    expect(state.messages.at(-1)).toMatchObject({ id: 'mo-2', direction: 'INBOUND', text: 'Still there?', at: at(50) });
    expect(summary(last.commands)).toEqual([
      'conversationEvent:MESSAGE_ADDED',
      'agentEvent:alice:CONVERSATION_UPDATED',
    ]);
  });

  it.each<[string, Step[]]>([
    ['ACTIVE', ACTIVE],
    ['WRAP_UP', WRAP_UP],
  ])('ignores a carrier redelivery (%s)', (_s, path) => {
    const from = drive(path);
    const again = drive([{ type: 'inbound', message: mo('mo-1', 'Hi, my order is late') }], undefined, from);
    expect(again.last.commands).toEqual([]);
    expect(again.state).toEqual(from.state);
  });

  it.each<[string, Step[]]>([
    ['WRAP_UP', WRAP_UP],
    ['CLOSED', CLOSED],
  ])('after End (%s) hands a new message on to a new conversation', (_s, path) => {
    const from = drive(path);
    const message = mo('mo-9', 'One more thing');
    const { state, last } = drive([{ type: 'inbound', message }], undefined, from);
    expect(last.commands).toEqual([{ type: 'redirectInbound', message }]);
    expect(state).toEqual(from.state);
  });

  // Opt-out state after a sequence of keyword messages, and the system notes it produced.
  it.each<[string, Keyword[], boolean, number]>([
    ['STOP opts out', ['STOP'], true, 1],
    ['a second STOP changes nothing', ['STOP', 'STOP'], true, 1],
    ['START after STOP opts back in', ['STOP', 'START'], false, 2],
    ['START without STOP changes nothing', ['START'], false, 0],
    ['HELP is noted but does not opt out', ['HELP'], false, 1],
  ])('%s', (_name, keywords, optedOut, notes) => {
    const steps: Step[] = keywords.map((k, i) => ({ type: 'inbound', message: mo(`kw-${i}`, k, k) }));
    const { state } = drive([...ACTIVE, ...steps]);
    expect(state.optedOut).toBe(optedOut);
    expect(state.messages.filter((m) => m.direction === 'SYSTEM')).toHaveLength(notes);
  });
});

describe('send', () => {
  it('adds a PENDING message, returns it and asks for one SMS', () => {
    const { state, last } = drive([...ACTIVE, reply('alice', 'On its way')]);
    const expected = {
      id: 'mt-10',
      direction: 'OUTBOUND',
      text: 'On its way',
      authorId: 'alice',
      deliveryStatus: 'PENDING',
      at: at(3),
    };
    expect(last.message).toEqual(expected);
    expect(state.messages.at(-1)).toEqual(expected);
    expect(summary(last.commands)).toEqual([
      'sendSms',
      'conversationEvent:MESSAGE_ADDED',
      'agentEvent:alice:CONVERSATION_UPDATED',
    ]);
  });

  it('lets the conferenced agent and the owner during a conference request reply', () => {
    expect(drive([...CONFERENCE, reply('bob', 'Bob here')]).last.message?.authorId).toBe('bob');
    expect(drive([...CONF_REQUESTED, reply('alice', 'One moment')]).last.message?.authorId).toBe('alice');
  });

  it('is possible again once an opted-out customer sends START', () => {
    const steps: Step[] = [
      { type: 'inbound', message: mo('s', 'STOP', 'STOP') },
      { type: 'inbound', message: mo('g', 'START', 'START') },
    ];
    expect(drive([...ACTIVE, ...steps, reply('alice', 'Welcome back')]).last.message?.deliveryStatus).toBe('PENDING');
  });

  it('is idempotent by clientMessageId: the same message back, no second sendSms', () => {
    const first = drive([...ACTIVE, reply('alice', 'Refund issued', 'c-1')]);
    const retry = drive([reply('alice', 'Refund issued', 'c-1')], undefined, first);
    expect(retry.last.message).toEqual(first.last.message);
    expect(retry.last.commands).toEqual([]);
    expect(retry.state.messages).toHaveLength(first.state.messages.length);
  });

  // Lengths count code points, as a person counts characters: an emoji is one.
  it.each<[string, string, ErrorCode | null]>([
    ['1 character', 'k', null],
    ['1000 characters', 'a'.repeat(1000), null],
    ['1000 emoji (2000 UTF-16 units)', '😀'.repeat(1000), null],
    ['1001 characters', 'a'.repeat(1001), 'INVALID_INPUT'],
    ['1001 emoji', '😀'.repeat(1001), 'INVALID_INPUT'],
    ['an empty text', '', 'INVALID_INPUT'],
    ['only whitespace', ' \n\t', 'INVALID_INPUT'],
  ])('with %s', (_name, text, code) => {
    const from = drive(ACTIVE);
    if (code) return expectRejected(from, reply('alice', text), code, 'text');
    expect(drive([reply('alice', text)], undefined, from).last.message?.text).toBe(text);
  });

  it.each<[string, Step[], string, ErrorCode]>([
    ['before accept, by the offered agent', OFFERED, 'alice', 'INVALID_STATE'],
    ['by a non-participant', ACTIVE, 'bob', 'NOT_ALLOWED'],
    ['by an invited agent who has not accepted', CONF_REQUESTED, 'bob', 'INVALID_STATE'],
    ['after End', WRAP_UP, 'alice', 'INVALID_STATE'],
    [
      'by a conferenced agent who exited',
      [...CONFERENCE, { type: 'exitConference', agentId: 'bob' }],
      'bob',
      'NOT_ALLOWED',
    ],
    [
      'by the agent who transferred it away',
      [...ACTIVE, { type: 'transferToQueue', agentId: 'alice', queueId: 'support' }],
      'alice',
      'NOT_ALLOWED',
    ],
    [
      'while the customer is opted out',
      [...ACTIVE, { type: 'inbound', message: mo('s', 'STOP', 'STOP') }],
      'alice',
      'NOT_ALLOWED',
    ],
  ])('is refused %s', (_name, path, agentId, code) => {
    expectRejected(drive(path), reply(agentId, 'Hello'), code);
  });
});

describe('delivery status', () => {
  // Receipts can overtake the submit result: statuses only move forward and a final one stays.
  it.each<[string[], string, number]>([
    [['SUBMITTED', 'DELIVERED'], 'DELIVERED', 2],
    [['SUBMITTED', 'FAILED'], 'FAILED', 2],
    [['DELIVERED'], 'DELIVERED', 1],
    [['DELIVERED', 'SUBMITTED'], 'DELIVERED', 1],
    [['FAILED', 'DELIVERED'], 'FAILED', 1],
    [['DELIVERED', 'FAILED'], 'DELIVERED', 1],
    [['SUBMITTED', 'SUBMITTED'], 'SUBMITTED', 1],
  ])('%j ends %s with %i update(s)', (statuses, final, updates) => {
    let d = drive([...ACTIVE, reply('alice', 'Hello')]);
    let emitted = 0;
    for (const status of statuses) {
      d = drive([{ type: 'delivery', messageId: 'mt-5', status: status as 'SUBMITTED' }], undefined, d);
      emitted += summary(d.last.commands).filter((c) => c === 'conversationEvent:DELIVERY_UPDATED').length;
    }
    expect(d.state.messages.at(-1)?.deliveryStatus).toBe(final);
    expect(emitted).toBe(updates);
  });

  it('ignores a receipt for an unknown or inbound message', () => {
    const from = drive(ACTIVE);
    const d = drive(
      [
        { type: 'delivery', messageId: 'mo-1', status: 'DELIVERED' },
        { type: 'delivery', messageId: 'nope', status: 'FAILED' },
      ],
      undefined,
      from,
    );
    expect(d.state).toEqual(from.state);
  });
});

describe('a receipt that overtakes the submit result', () => {
  it('keeps DELIVERED and still records the carrier ids and segments the submit result brings', () => {
    const sent = decide(drive(ACTIVE).state, reply('alice', 'Hello'), at(40), SETTINGS);
    const id = sent.message!.id;
    const delivered = decide(sent.state, { type: 'delivery', messageId: id, status: 'DELIVERED' }, at(41), SETTINGS);
    const late = decide(
      delivered.state,
      { type: 'delivery', messageId: id, status: 'SUBMITTED', carrierIds: ['c1', 'c2'], segments: 2 },
      at(42),
      SETTINGS,
    );
    expect(late.state.messages.find((m) => m.id === id)).toMatchObject({
      deliveryStatus: 'DELIVERED',
      carrierIds: ['c1', 'c2'],
      segments: 2,
    });
    expect(late.commands).toEqual([{ type: 'conversationEvent', kind: 'DELIVERY_UPDATED', messageId: id }]);
    const again = decide(
      late.state,
      { type: 'delivery', messageId: id, status: 'SUBMITTED', carrierIds: ['c1', 'c2'], segments: 2 },
      at(43),
      SETTINGS,
    );
    expect(again.commands).toEqual([]);
  });
});
