import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/** A child process whose output lines can be awaited (readiness by log line, never by sleeping). */
export class Child {
  readonly lines: string[] = [];
  private waiters: (() => void)[] = [];
  exitCode: number | null | undefined;
  readonly proc: ChildProcess;

  constructor(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
    this.proc = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    for (const stream of [this.proc.stdout!, this.proc.stderr!]) {
      createInterface({ input: stream }).on('line', (line) => {
        this.lines.push(line);
        this.wake();
      });
    }
    this.proc.on('exit', (code) => {
      this.exitCode = code;
      this.wake();
    });
    this.proc.on('error', (error) => {
      this.lines.push(`spawn error: ${error.message}`);
      this.exitCode = -1;
      this.wake();
    });
  }

  /** The first line matching `pattern`; rejects if the process exits or the time runs out first. */
  async waitForLine(pattern: RegExp, ms = 20_000): Promise<RegExpMatchArray> {
    const deadline = Date.now() + ms;
    for (let seen = 0; ;) {
      for (; seen < this.lines.length; seen++) {
        const match = this.lines[seen]!.match(pattern);
        if (match) return match;
      }
      if (this.exitCode !== undefined)
        throw new Error(`process exited (${this.exitCode}) before ${pattern}:\n${this.lines.join('\n')}`);
      if (Date.now() > deadline)
        throw new Error(`no line matching ${pattern} within ${ms} ms:\n${this.lines.slice(-40).join('\n')}`);
      await new Promise<void>((r) => {
        this.waiters.push(r);
        setTimeout(r, 100);
      });
    }
  }

  async exited(ms = 10_000): Promise<number | null> {
    const deadline = Date.now() + ms;
    while (this.exitCode === undefined) {
      if (Date.now() > deadline) throw new Error('process did not exit in time');
      await new Promise<void>((r) => {
        this.waiters.push(r);
        setTimeout(r, 100);
      });
    }
    return this.exitCode;
  }

  /** Stops the process (TERM, then KILL) and waits for it to go. */
  async stop(): Promise<void> {
    if (this.exitCode !== undefined) return;
    this.proc.kill('SIGTERM');
    try {
      await this.exited(5_000);
    } catch {
      this.proc.kill('SIGKILL');
      await this.exited(5_000);
    }
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }
}
