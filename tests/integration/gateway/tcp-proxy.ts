import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy in front of the Temporal dev server, so a test can make Temporal unreachable (cut)
 * or make it take requests without answering them (holdResponses), with nothing else changed.
 */
export class TcpProxy {
  private readonly sockets = new Set<Socket>();
  private refusing = false;
  private holding = false;
  port = 0;

  private constructor(
    private readonly server: Server,
    private readonly target: { host: string; port: number },
  ) {}

  static async start(target: string): Promise<TcpProxy> {
    const [host, port] = target.split(':');
    const server = createServer();
    const proxy = new TcpProxy(server, { host: host!, port: Number(port) });
    server.on('connection', (client) => proxy.accept(client));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    proxy.port = (server.address() as AddressInfo).port;
    return proxy;
  }

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  /** Temporal becomes unreachable: open connections drop and new ones are closed at once. */
  cut(): void {
    this.refusing = true;
    for (const s of this.sockets) s.destroy();
  }

  /** Requests still reach Temporal, but no answer comes back. */
  holdResponses(): void {
    this.holding = true;
  }

  /** Back to normal for new connections (held ones are dropped). */
  restore(): void {
    this.refusing = false;
    if (this.holding) for (const s of this.sockets) s.destroy();
    this.holding = false;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket): void {
    if (this.refusing) return void client.destroy();
    const upstream = connect(this.target);
    for (const s of [client, upstream]) {
      this.sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => {
        this.sockets.delete(s);
        client.destroy();
        upstream.destroy();
      });
    }
    client.on('data', (chunk) => upstream.write(chunk));
    upstream.on('data', (chunk) => {
      if (!this.holding) client.write(chunk);
    });
  }
}
