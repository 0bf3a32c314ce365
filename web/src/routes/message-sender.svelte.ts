import * as api from '$lib/desktop-api';
import { GraphQLRequestError, errorText } from '$lib/graphql';
import { dropEntry, markFailed, markSending, queued } from '$lib/outbox';
import type { DesktopSession } from './desktop-session.svelte';

// Sending replies. Each send gets its clientMessageId when Send is pressed and keeps it through
// every retry, so the workflow recognises a repeat and the customer is never texted twice. A
// failed send stays in the transcript, marked, with Retry and Discard.

export class MessageSender {
  constructor(private readonly session: DesktopSession) {}

  private get outbox() {
    return this.session.state.outbox;
  }

  send(conversationId: string, text: string): void {
    const entry = queued(conversationId, text);
    this.session.dispatch({ type: 'outbox', outbox: [...this.outbox, entry] });
    void this.deliver(entry.clientMessageId);
  }

  /** Sends (or re-sends, with the same clientMessageId) one outbox entry. */
  async deliver(clientMessageId: string): Promise<void> {
    const entry = this.outbox.find((e) => e.clientMessageId === clientMessageId);
    if (!entry) return;
    this.session.dispatch({ type: 'outbox', outbox: markSending(this.outbox, clientMessageId) });
    let error: string;
    try {
      const result = await api.sendMessage(entry.conversationId, entry.text, clientMessageId);
      if (result.ok) {
        this.session.dispatch({ type: 'message', conversationId: entry.conversationId, message: result.value });
        this.session.dispatch({ type: 'outbox', outbox: dropEntry(this.outbox, clientMessageId) });
        return;
      }
      error = result.error.message;
    } catch (e) {
      if (e instanceof GraphQLRequestError && e.unauthenticated) return this.session.fail(e, 'send');
      error = errorText(e);
    }
    this.session.dispatch({ type: 'outbox', outbox: markFailed(this.outbox, clientMessageId, error) });
  }

  discard(clientMessageId: string): void {
    this.session.dispatch({ type: 'outbox', outbox: dropEntry(this.outbox, clientMessageId) });
  }
}
