/**
 * Terminal output: run events as plain lines on stdout, and on a TTY a progress line on stderr
 * (redrawn in place, cleared before each output line so the two never mix). Without a TTY there is
 * no progress line: piped output is exactly the event lines.
 */
import type { RunEvent } from '@dash/shared';

/** One event as text lines (none for bookkeeping events). */
export function eventLines(e: RunEvent): string[] {
  const ev = e.event;
  switch (ev.type) {
    case 'assistant.text':
      return ev.text.split('\n');
    case 'user.message':
      return [`> ${ev.text}`];
    case 'tool.call':
      return [`→ ${ev.name} ${preview(JSON.stringify(ev.input ?? null))}`];
    case 'tool.result':
      return [`${ev.isError ? '✗' : '←'} ${preview(ev.output)}`];
    case 'input.requested':
      return [`? ${ev.kind === 'approval' ? 'needs approval' : 'needs input'}: ${ev.prompt}`];
    case 'result':
      return [`${ev.success ? '✓' : '✗'} result${ev.errorKind ? ` (${ev.errorKind})` : ''}${ev.text ? `: ${preview(ev.text)}` : ''}`];
    case 'stderr':
      return [`stderr: ${ev.line}`];
    case 'exit':
    case 'log.summary':
    case 'log.truncated':
    case 'raw':
    case 'session.started':
    case 'supervisor':
    case 'usage':
      return [];
  }
}

const preview = (text: string, max = 200): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
};

export interface Progress {
  events: number;
  tools: number;
  costUsd: number | null;
  state: string;
}

export class Terminal {
  private progress: string | null = null;
  private readonly startedAt = Date.now();

  constructor(
    private readonly out: NodeJS.WritableStream,
    private readonly err: NodeJS.WritableStream & { isTTY?: boolean },
  ) {}

  get interactive(): boolean {
    return this.err.isTTY === true;
  }

  line(text: string): void {
    this.clearProgress();
    this.out.write(`${text}\n`);
    this.drawProgress();
  }

  setProgress(label: string, p: Progress): void {
    if (!this.interactive) return;
    const seconds = Math.floor((Date.now() - this.startedAt) / 1000);
    const clock = `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
    const cost = p.costUsd === null ? '' : ` · $${p.costUsd.toFixed(4)}`;
    this.progress = `${label} · ${p.state} · ${p.events} events · ${p.tools} tool calls · ${clock}${cost}`;
    this.clearProgress();
    this.drawProgress();
  }

  done(): void {
    this.clearProgress();
    this.progress = null;
  }

  private clearProgress(): void {
    if (this.interactive && this.progress !== null) this.err.write('\r\x1b[2K');
  }

  private drawProgress(): void {
    if (this.interactive && this.progress !== null) this.err.write(this.progress.slice(0, 200));
  }
}
