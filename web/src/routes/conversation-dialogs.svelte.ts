import * as api from '$lib/desktop-api';
import type { PaneAction } from '$lib/conversation-view';
import type { Conversation, Named, Queue } from '$lib/types';
import type { DesktopSession } from './desktop-session.svelte';

// The interaction pane's actions and the three dialogs they open (Transfer Request, Conference
// Request, Wrap Up Reasons). Lists load when a dialog opens and on Refresh; the agent themself
// is never offered as a target.

export type DialogKind = 'transfer' | 'conference' | 'wrapUp';

export class ConversationDialogs {
  open: { kind: DialogKind; conversationId: string } | null = $state(null);
  queues: Queue[] = $state.raw([]);
  agents: Named[] = $state.raw([]);
  reasons: Named[] = $state.raw([]);
  loading = $state(false);

  constructor(private readonly session: DesktopSession) {}

  get error(): string | null {
    return this.session.errors.dialog ?? null;
  }

  get busy(): boolean {
    return this.session.busy.dialog ?? false;
  }

  private withoutMe(agents: Named[]): Named[] {
    const me = this.session.state.me?.id;
    return agents.filter((a) => a.id !== me);
  }

  async load(): Promise<void> {
    const kind = this.open?.kind;
    if (!kind) return;
    this.loading = true;
    await this.session.run('dialog', async () => {
      if (kind === 'transfer') {
        const targets = await api.transferTargets();
        this.queues = targets.queues;
        this.agents = this.withoutMe(targets.agents);
      } else if (kind === 'conference') {
        this.agents = this.withoutMe(await api.conferenceTargets());
      } else {
        this.reasons = await api.wrapUpReasons();
      }
    });
    this.loading = false;
  }

  show(kind: DialogKind, conversationId: string): void {
    this.session.errors.dialog = null;
    this.open = { kind, conversationId };
    void this.load();
  }

  close(): void {
    this.open = null;
  }

  /** A conversation mutation from a dialog; closes it on success, else shows why in it. */
  private async commit(key: string, work: () => Promise<api.Result<Conversation>>): Promise<Conversation | null> {
    const result = await this.session.run(key, work);
    if (!result) return null;
    if (!result.ok) {
      this.session.errors[key] = result.error.message;
      return null;
    }
    this.session.dispatch({ type: 'conversation', conversation: result.value });
    return result.value;
  }

  async paneAction(conversationId: string, action: PaneAction): Promise<void> {
    const pane = `pane:${conversationId}`;
    if (action === 'transfer' || action === 'conference' || action === 'wrapUp')
      return this.show(action, conversationId);
    const name = action === 'end' ? 'endConversation' : action;
    const done = await this.commit(pane, () => api.act(name, conversationId));
    // The seed: "click End. The Wrap Up Reasons dialog box appears."
    if (done && action === 'end') this.show('wrapUp', conversationId);
  }

  async transfer(target: { queueId: string } | { agentId: string }): Promise<void> {
    const id = this.open?.conversationId;
    if (!id) return;
    const done = await this.commit('dialog', () => api.transfer(id, target));
    // The transferring agent owes a wrap-up; ask for it straight away, as after End.
    const me = this.session.state.me?.id;
    if (done?.wrapUpOwedBy.some((a) => a.id === me)) this.show('wrapUp', id);
    else if (done) this.close();
  }

  async conference(agentId: string): Promise<void> {
    const id = this.open?.conversationId;
    if (!id) return;
    if (await this.commit('dialog', () => api.requestConference(id, agentId))) this.close();
  }

  async wrapUp(reasonId: string): Promise<void> {
    const id = this.open?.conversationId;
    if (!id) return;
    if (await this.commit('dialog', () => api.submitWrapUp(id, reasonId))) this.close();
  }
}
