import * as api from '$lib/desktop-api';
import { GraphQLRequestError, errorText } from '$lib/graphql';
import { initialState, reduce, type Action, type DesktopState } from '$lib/desktop-state';
import { AGENT_EVENTS, CONVERSATION_EVENTS } from '$lib/operations';
import { clearToken } from '$lib/session';
import { subscribe } from '$lib/subscriptions';
import type { AgentStatus, Named, Offer } from '$lib/types';

// The desktop page's I/O: the agent event stream, resynchronisation after every (re)connect, and
// the agent's actions. All state changes go through the pure reducer in $lib/desktop-state.ts;
// this class only adds what is about requests in flight (busy flags, errors next to controls).

export type Connection = 'connecting' | 'live' | 'reconnecting';

export class DesktopSession {
  state: DesktopState = $state.raw(initialState);
  connection: Connection = $state('connecting');
  idleCodes: Named[] = $state.raw([]);
  /** Errors keyed by the control they belong to: 'status', 'offer:<id>', 'pane:<id>'. */
  errors: Record<string, string | null> = $state({});
  busy: Record<string, boolean> = $state({});
  private stops: (() => void)[] = [];
  private syncing: Promise<void> | null = null;
  private syncAgain = false;

  constructor(private readonly signedOut: () => void) {}

  dispatch(action: Action): void {
    const gaps = this.state.gaps;
    this.state = reduce(this.state, action);
    // An event skipped a seq of a conversation in the list: something was missed, read it all again.
    if (this.state.gaps !== gaps) void this.resync();
  }

  start(): void {
    this.stops.push(
      subscribe(
        AGENT_EVENTS,
        {},
        {
          next: (data) => this.dispatch({ type: 'agentEvent', event: data.agentEvents }),
          // The server replays open offers on connect; the snapshot fills in everything else.
          connected: (reconnected) => {
            this.connection = 'live';
            if (reconnected || this.state.me) void this.resync();
          },
          reconnecting: () => (this.connection = 'reconnecting'),
          error: (message) => (this.errors.connection = message),
          // Signed out elsewhere or expired: the snapshot's refusal signs this desktop out too.
          refused: () => void this.resync(),
          // The server may have lost events (its Redis dropped): read state; the stream reopens.
          reset: () => void this.resync(),
        },
      ),
    );
    void this.resync();
    void api.idleCodes().then(
      (codes) => (this.idleCodes = codes),
      (e) => this.fail(e, 'status'),
    );
  }

  stop(): void {
    for (const stop of this.stops.splice(0)) stop();
  }

  /** Query me, myOffers and myConversations; coalesces overlapping calls into one more run. */
  resync(): Promise<void> {
    if (this.syncing) {
      this.syncAgain = true;
      return this.syncing;
    }
    this.syncing = (async () => {
      do {
        this.syncAgain = false;
        const since = this.state.seq;
        try {
          const s = await api.snapshot();
          this.dispatch({ type: 'snapshot', since, me: s.me, offers: s.myOffers, conversations: s.myConversations });
          this.errors.connection = null;
        } catch (e) {
          this.connection = 'reconnecting';
          this.fail(e, 'connection');
        }
      } while (this.syncAgain);
      this.syncing = null;
    })();
    return this.syncing;
  }

  /** Message-level events for the open conversation (the agent stream carries the rest). */
  watch(conversationId: string): () => void {
    return subscribe(
      CONVERSATION_EVENTS,
      { conversationId },
      {
        next: (data) => this.dispatch({ type: 'conversationEvent', event: data.conversationEvents }),
        // No longer ours (an offer lapsed, a transfer away): the snapshot shows what is left.
        refused: () => void this.resync(),
        reset: () => void this.resync(),
      },
    );
  }

  /** Shows an error next to its control, or signs out when the token is no longer accepted. */
  fail(error: unknown, key: string): void {
    if (error instanceof GraphQLRequestError && error.unauthenticated) {
      this.stop();
      clearToken();
      this.signedOut();
      return;
    }
    this.errors[key] = errorText(error);
  }

  /** Runs one request with a busy flag and error slot for `key`. */
  async run<T>(key: string, work: () => Promise<T>): Promise<T | null> {
    this.busy[key] = true;
    this.errors[key] = null;
    try {
      return await work();
    } catch (e) {
      this.fail(e, key);
      return null;
    } finally {
      this.busy[key] = false;
    }
  }

  select(id: string | null): void {
    this.dispatch({ type: 'select', id });
  }

  async setStatus(status: AgentStatus, idleCodeId?: string): Promise<void> {
    const result = await this.run('status', () => api.setStatus(status, idleCodeId));
    if (result?.ok) this.dispatch({ type: 'me', agent: result.value });
    else if (result) this.errors.status = result.error.message;
  }

  async accept(offer: Offer): Promise<void> {
    const id = offer.conversation.id;
    const action = offer.kind === 'CONFERENCE' ? 'acceptConference' : 'acceptConversation';
    const result = await this.run(`offer:${id}`, () => api.act(action, id));
    if (result?.ok) {
      this.dispatch({ type: 'conversation', conversation: result.value });
      this.dispatch({ type: 'offerGone', conversationId: id });
      this.select(id);
    } else if (result) {
      this.errors[`offer:${id}`] = result.error.message;
      void this.resync(); // the offer may have lapsed or been withdrawn meanwhile
    }
  }

  async logout(): Promise<void> {
    await this.run('logout', () => api.logout());
    this.stop();
    clearToken();
    this.signedOut();
  }
}
