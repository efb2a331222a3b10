/**
 * Terminal output: run events as plain lines on stdout, and on a TTY a progress line on stderr
 * (redrawn in place, cleared before each output line so the two never mix). Without a TTY there is
 * no progress line: piped output is exactly the event lines.
 */
import type { RunEvent } from '@dash/shared';
/** One event as text lines (none for bookkeeping events). */
export declare function eventLines(e: RunEvent): string[];
export interface Progress {
    events: number;
    tools: number;
    costUsd: number | null;
    state: string;
}
export declare class Terminal {
    private readonly out;
    private readonly err;
    private progress;
    private readonly startedAt;
    constructor(out: NodeJS.WritableStream, err: NodeJS.WritableStream & {
        isTTY?: boolean;
    });
    get interactive(): boolean;
    line(text: string): void;
    setProgress(label: string, p: Progress): void;
    done(): void;
    private clearProgress;
    private drawProgress;
}
