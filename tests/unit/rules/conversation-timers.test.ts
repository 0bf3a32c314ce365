import { describe, expect, it } from 'vitest';
import { wantedTimers } from '../../../workflows/conversation/wanted-timers.js';
import type { ConversationSettings } from '../../../workflows/domain/types.js';
import {
  ACTIVE,
  AUTO_WRAP_UP,
  CLOSED,
  CONFERENCE,
  CONF_REQUESTED,
  OFFERED,
  SETTINGS,
  WRAP_UP,
  at,
  drive,
  type Step,
} from './fixtures.js';

// The rules only write deadlines into the state; these are the timers the workflow arms from it
// after every transition (name -> when, and the event it feeds back into `decide`).
describe('wantedTimers', () => {
  const offerTimer = (seconds: number, seq: number) => ({ at: at(seconds), event: { type: 'offerTimeout', seq } });
  const wrapUpTimer = (seconds: number, agentId: string) => ({
    at: at(seconds),
    event: { type: 'autoWrapUpTimeout', agentId },
  });

  it.each<[string, Step[], ConversationSettings, Record<string, unknown>]>([
    ['a queued conversation', [], SETTINGS, {}],
    ['an open offer: its RONA deadline', OFFERED, SETTINGS, { offer: offerTimer(31, 1) }],
    ['an accepted offer', ACTIVE, SETTINGS, {}],
    ['a conference request: the invitee RONA', CONF_REQUESTED, SETTINGS, { offer: offerTimer(33, 2) }],
    ['a running conference', CONFERENCE, SETTINGS, {}],
    ['after the RONA fired', [...OFFERED, { type: 'offerTimeout', seq: 1, at: 31 }], SETTINGS, {}],
    ['ended, auto wrap-up off', WRAP_UP, SETTINGS, {}],
    ['ended, auto wrap-up on', WRAP_UP, AUTO_WRAP_UP, { 'wrapup:alice': wrapUpTimer(123, 'alice') }],
    ['wrapped up by hand', CLOSED, AUTO_WRAP_UP, {}],
    [
      'transferred to an agent: the transferor owes a wrap-up, the target has an offer',
      [...ACTIVE, { type: 'transferToAgent', agentId: 'alice', targetId: 'bob', at: 10 }],
      AUTO_WRAP_UP,
      { offer: offerTimer(40, 2), 'wrapup:alice': wrapUpTimer(130, 'alice') },
    ],
    [
      'the target accepted: only the wrap-up is left',
      [
        ...ACTIVE,
        { type: 'transferToAgent', agentId: 'alice', targetId: 'bob', at: 10 },
        { type: 'accept', agentId: 'bob', at: 11 },
      ],
      AUTO_WRAP_UP,
      { 'wrapup:alice': wrapUpTimer(130, 'alice') },
    ],
  ])('%s', (_name, steps, settings, expected) => {
    const { state } = drive(steps, settings);
    expect(Object.fromEntries(wantedTimers(state))).toEqual(expected);
  });

  it('a re-offer after RONA gets a new seq, so the old timer cannot withdraw it', () => {
    const { state } = drive([
      ...OFFERED,
      { type: 'offerTimeout', seq: 1, at: 31 },
      { type: 'assigned', agentId: 'bob' },
    ]);
    expect(wantedTimers(state).get('offer')).toEqual(offerTimer(62, 2));
  });
});
