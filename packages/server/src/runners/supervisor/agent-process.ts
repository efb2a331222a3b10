/**
 * One spawned attempt of an agent: the child in its own process group, its stdio split into
 * bounded lines, and exactly one `onEnd` once the process has exited and its output is drained.
 * Knows nothing about runners, events or restarts (that is SupervisedRun's job).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type { ExitInfo, Invocation } from '../agent-runner.js';
import { LineSplitter, type SplitLine } from './line-splitter.js';
import type { SupervisorSettings, Timers } from './supervisor-options.js';

export type AttemptEnd =
  | { kind: 'exited'; exit: ExitInfo; /** false when output was cut off after exitDrainMs */ drained: boolean }
  | { kind: 'spawn_failed'; error: Error };

export interface AgentProcessHooks {
  onStdoutLine(line: SplitLine): void;
  onStderrLine(line: SplitLine): void;
  /** Any output at all (for the idle watchdog); called before the lines of that chunk. */
  onActivity(): void;
  onStdinError(error: Error): void;
  /** Exactly once. */
  onEnd(end: AttemptEnd): void;
}

export class AgentProcess {
  /** Also the process group id (the child is its group's leader). Null when spawning failed. */
  readonly pid: number | null;
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly out: LineSplitter;
  private readonly err: LineSplitter;
  private stdinOpen = true;
  private exit: ExitInfo | null = null;
  private openStreams = 2;
  private drainTimer: unknown = null;
  private ended = false;

  /** Throws when the OS refuses synchronously; most failures (ENOENT…) arrive as `onEnd`. */
  constructor(
    invocation: Invocation,
    private readonly hooks: AgentProcessHooks,
    private readonly settings: SupervisorSettings,
    private readonly timers: Timers,
  ) {
    const split = { maxLineBytes: settings.maxLineBytes, keepBytes: settings.keepBytes };
    this.out = new LineSplitter((l) => this.hooks.onStdoutLine(l), split);
    this.err = new LineSplitter((l) => this.hooks.onStderrLine(l), split);
    // detached: the child leads a new process group, so the whole group can be signalled.
    this.child = spawn(invocation.command, invocation.args, {
      cwd: invocation.cwd,
      env: invocation.env,
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.pid = this.child.pid ?? null;
    this.wire();
  }

  get stdinWritable(): boolean {
    return this.stdinOpen && this.exit === null && !this.ended;
  }

  /** Writes one line to stdin; false when stdin is already closed. */
  writeLine(line: string): boolean {
    if (!this.stdinWritable) return false;
    this.child.stdin.write(`${line}\n`);
    return true;
  }

  endStdin(): void {
    if (!this.stdinOpen) return;
    this.stdinOpen = false;
    this.child.stdin.end();
  }

  private wire(): void {
    const { child } = this;
    child.stdin.on('error', (error) => {
      // EPIPE when the agent exits or closes stdin before reading everything: not a crash.
      this.stdinOpen = false;
      this.hooks.onStdinError(error);
    });
    child.stdout.on('data', (chunk: Buffer) => this.onData(this.out, chunk));
    child.stderr.on('data', (chunk: Buffer) => this.onData(this.err, chunk));
    child.stdout.on('close', () => this.onStreamClosed(this.out));
    child.stderr.on('close', () => this.onStreamClosed(this.err));
    child.on('error', (error) => {
      if (this.pid === null) this.finish({ kind: 'spawn_failed', error });
      // Otherwise a failed kill/send on a live child: the exit path still follows.
    });
    child.on('exit', (code, signal) => {
      this.exit = { code, signal };
      this.stdinOpen = false;
      if (this.openStreams === 0) this.finishExited(true);
      else this.drainTimer = this.timers.setTimeout(() => this.onDrainTimeout(), this.settings.exitDrainMs);
    });
  }

  private onData(splitter: LineSplitter, chunk: Buffer): void {
    if (this.ended) return;
    this.hooks.onActivity();
    splitter.push(chunk);
  }

  private onStreamClosed(splitter: LineSplitter): void {
    this.openStreams -= 1;
    if (!this.ended) splitter.end();
    if (this.openStreams === 0 && this.exit !== null) this.finishExited(true);
  }

  /** The leader exited but something else in its group still holds stdout/stderr open. */
  private onDrainTimeout(): void {
    this.drainTimer = null;
    if (this.ended) return;
    this.out.end();
    this.err.end();
    this.finishExited(false);
    this.child.stdout.destroy();
    this.child.stderr.destroy();
  }

  private finishExited(drained: boolean): void {
    if (this.exit) this.finish({ kind: 'exited', exit: this.exit, drained });
  }

  private finish(end: AttemptEnd): void {
    if (this.ended) return;
    this.ended = true;
    if (this.drainTimer !== null) this.timers.clearTimeout(this.drainTimer);
    this.drainTimer = null;
    this.hooks.onEnd(end);
  }
}
