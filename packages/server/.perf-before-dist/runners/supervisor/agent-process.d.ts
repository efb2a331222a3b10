import type { ExitInfo, Invocation } from '../agent-runner.js';
import { type SplitLine } from './line-splitter.js';
import type { SupervisorSettings, Timers } from './supervisor-options.js';
export type AttemptEnd = {
    kind: 'exited';
    exit: ExitInfo; /** false when output was cut off after exitDrainMs */
    drained: boolean;
} | {
    kind: 'spawn_failed';
    error: Error;
};
export interface AgentProcessHooks {
    onStdoutLine(line: SplitLine): void;
    onStderrLine(line: SplitLine): void;
    /** Any output at all (for the idle watchdog); called before the lines of that chunk. */
    onActivity(): void;
    onStdinError(error: Error): void;
    /** Exactly once. */
    onEnd(end: AttemptEnd): void;
}
export declare class AgentProcess {
    private readonly hooks;
    private readonly settings;
    private readonly timers;
    /** Also the process group id (the child is its group's leader). Null when spawning failed. */
    readonly pid: number | null;
    private readonly child;
    private readonly out;
    private readonly err;
    private stdinOpen;
    private exit;
    private openStreams;
    private drainTimer;
    private ended;
    /** Throws when the OS refuses synchronously; most failures (ENOENT…) arrive as `onEnd`. */
    constructor(invocation: Invocation, hooks: AgentProcessHooks, settings: SupervisorSettings, timers: Timers);
    get stdinWritable(): boolean;
    /** Writes one line to stdin; false when stdin is already closed. */
    writeLine(line: string): boolean;
    endStdin(): void;
    private wire;
    private onData;
    private onStreamClosed;
    /** The leader exited but something else in its group still holds stdout/stderr open. */
    private onDrainTimeout;
    private finishExited;
    private finish;
}
