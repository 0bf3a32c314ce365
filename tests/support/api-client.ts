/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are checked by the assertions, not by types */
// A GraphQL client for the tests over any fetch: Yoga's in-process `yoga.fetch` or real HTTP.
// Subscriptions are read straight off the SSE stream (distinct connections, Yoga's default).

type FetchFn = (url: string, init: RequestInit) => Promise<Response>;

export interface GqlResult<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export class ApiClient {
  constructor(
    readonly fetchFn: FetchFn,
    readonly baseUrl: string,
    public token?: string,
  ) {}

  withToken(token: string | undefined): ApiClient {
    return new ApiClient(this.fetchFn, this.baseUrl, token);
  }

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return {
      'content-type': 'application/json',
      ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      ...extra,
    };
  }

  async raw<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<GqlResult<T>> {
    const res = await this.fetchFn(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: this.headers({ accept: 'application/graphql-response+json' }),
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as Omit<GqlResult<T>, 'status'>;
    return { status: res.status, ...body };
  }

  /** The data, or a thrown error naming the GraphQL errors. */
  async gql<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const r = await this.raw<T>(query, variables);
    if (r.errors?.length || !r.data) throw new Error(`GraphQL ${r.status}: ${JSON.stringify(r.errors)}`);
    return r.data;
  }

  /** Opens a subscription; resolves once the server has answered (stream open, or an error). */
  async subscribe<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<EventStream<T>> {
    const abort = new AbortController();
    const res = await this.fetchFn(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: this.headers({ accept: 'text/event-stream' }),
      body: JSON.stringify({ query, variables }),
      signal: abort.signal,
    });
    return new EventStream<T>(res, abort);
  }
}

interface StreamEvent<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export class EventStream<T> {
  readonly received: StreamEvent<T>[] = [];
  private cursor = 0;
  private wake?: () => void;
  ended = false;
  readonly done: Promise<void>;

  constructor(
    readonly response: Response,
    private readonly abort: AbortController,
  ) {
    this.done = this.read()
      .catch(() => undefined)
      .finally(() => {
        this.ended = true;
        this.wake?.();
      });
  }

  get status(): number {
    return this.response.status;
  }

  private async read(): Promise<void> {
    const type = this.response.headers.get('content-type') ?? '';
    if (!type.includes('text/event-stream')) {
      this.received.push((await this.response.json()) as StreamEvent<T>);
      return;
    }
    const reader = this.response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const lines = block.split('\n');
        const event = lines
          .find((l) => l.startsWith('event:'))
          ?.slice(6)
          .trim();
        const data = lines
          .filter((l) => l.startsWith('data:'))
          .map((l) => l.slice(5).trim())
          .join('\n');
        if (event === 'complete') return;
        if (data) {
          this.received.push(JSON.parse(data) as StreamEvent<T>);
          this.wake?.();
        }
      }
    }
  }

  /** The next event (after those already taken) that matches; earlier non-matching ones are skipped. */
  async next(match: (e: StreamEvent<T>) => boolean = () => true, timeoutMs = 15_000): Promise<StreamEvent<T>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      while (this.cursor < this.received.length) {
        const e = this.received[this.cursor++]!;
        if (match(e)) return e;
      }
      if (this.ended) throw new Error(`stream ended; received ${JSON.stringify(this.received).slice(0, 2000)}`);
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `no matching event within ${timeoutMs} ms; received ${JSON.stringify(this.received).slice(-2000)}`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  close(): void {
    this.abort.abort();
  }
}
