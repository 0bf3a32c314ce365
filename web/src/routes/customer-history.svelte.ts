import * as api from '$lib/desktop-api';
import { errorText } from '$lib/graphql';
import type { Conversation } from '$lib/types';

// Earlier conversations with the open conversation's customer number, read-only. Loaded when the
// open conversation changes; an answer for a conversation that is no longer open is dropped.

export interface HistoryView {
  id: string;
  items: Conversation[];
  loading: boolean;
  error: string | null;
}

export class CustomerHistoryLoader {
  view: HistoryView | null = $state(null);

  load(id: string | null): void {
    if (!id) return;
    this.view = { id, items: [], loading: true, error: null };
    api.customerHistory(id).then(
      (items) => this.settle(id, { id, items, loading: false, error: null }),
      (e: unknown) => this.settle(id, { id, items: [], loading: false, error: errorText(e) }),
    );
  }

  private settle(id: string, view: HistoryView): void {
    if (this.view?.id === id) this.view = view;
  }
}
