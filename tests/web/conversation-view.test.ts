import { describe, expect, it } from 'vitest';
import { controlsFor, involves, roleOf, statusLabel } from '../../web/src/lib/conversation-view.js';
import { conversation } from './fixtures.js';

const bob = { id: 'bob', name: 'Bob Jones' };

describe('conversation view for one agent', () => {
  it('gives the owner of an active conversation Transfer, Conference and End', () => {
    const c = controlsFor(conversation(), 'alice');
    expect(c).toMatchObject({
      compose: true,
      transfer: true,
      conference: true,
      end: true,
      endConference: false,
      wrapUp: false,
    });
    expect(statusLabel(conversation(), 'alice')).toBe('Active');
  });

  it('shows Conference Requested, then Conference with End Conference for the owner', () => {
    expect(statusLabel(conversation({ status: 'CONFERENCE_REQUESTED' }), 'alice')).toBe('Conference Requested');
    expect(controlsFor(conversation({ status: 'CONFERENCE_REQUESTED' }), 'alice').transfer).toBe(false);
    const conf = conversation({
      status: 'CONFERENCE',
      participants: [
        { agent: { id: 'alice', name: 'Alice Smith' }, role: 'OWNER', joinedAt: '', leftAt: null },
        { agent: bob, role: 'CONFERENCE', joinedAt: '', leftAt: null },
      ],
    });
    expect(statusLabel(conf, 'alice')).toBe('Conference');
    expect(controlsFor(conf, 'alice')).toMatchObject({ endConference: true, exitConference: false, end: true });
    expect(controlsFor(conf, 'bob')).toMatchObject({
      endConference: false,
      exitConference: true,
      compose: true,
      end: false,
    });
    expect(roleOf(conf, 'bob')).toBe('conference');
  });

  it('shows Wrap Up to an agent who transferred the conversation away', () => {
    const moved = conversation({ owner: bob, wrapUpOwedBy: [{ id: 'alice', name: 'Alice Smith' }] });
    expect(statusLabel(moved, 'alice')).toBe('Wrap Up');
    expect(controlsFor(moved, 'alice')).toMatchObject({ compose: false, transfer: false, wrapUp: true });
    expect(involves(moved, 'alice')).toBe(true);
  });

  it('drops conversations the agent has no part in, and closed ones', () => {
    expect(involves(conversation({ owner: bob }), 'alice')).toBe(false);
    expect(involves(conversation({ status: 'CLOSED' }), 'alice')).toBe(false);
  });

  it('closes the compose box when the customer opted out', () => {
    expect(controlsFor(conversation({ optedOut: true }), 'alice').compose).toBe(false);
  });
});
