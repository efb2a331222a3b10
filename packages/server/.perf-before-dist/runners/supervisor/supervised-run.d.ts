import type { Clock } from '../../ports/clock.js';
import type { Logger } from '../../ports/logger.js';
import type { RunHandle, RunOutcome, RunSink, RunSpec, StopReason } from '../../ports/agent-supervisor.js';
import type { AgentRunner, Invocation } from '../agent-runner.js';
import type { SupervisorSettings, Timers } from './supervisor-options.js';
export interface SupervisedRunDeps {
    spec: RunSpec;
    sink: RunSink;
    runner: AgentRunner;
    invocation: Invocation;
    settings: SupervisorSettings;
    timers: Timers;
    clock: Clock;
    logger: Logger;
}
export declare class SupervisedRun implements RunHandle {
    private readonly deps;
    readonly runId: string;
    readonly done: Promise<RunOutcome>;
    private resolveDone;
    private readonly limits;
    private readonly startedAt;
    private proc;
    /** The current attempt has ended and is being cleaned up (no new escalation). */
    private ending;
    private attempt;
    private restarts;
    private parser;
    private lastResult;
    private lastText;
    private sessionId;
    private lastExit;
    /** Prompts sent whose result has not arrived yet (for closeStdin `on-result`). */
    private pendingReplies;
    private lastActivity;
    private endCause;
    private escalation;
    private wallTimer;
    private idleTimer;
    private backoffTimer;
    private finished;
    constructor(deps: SupervisedRunDeps);
    get pid(): number | null;
    /** First spawn. Throws AppError AGENT_SPAWN_FAILED when the OS refuses synchronously. */
    begin(): void;
    sendInput(text: string): void;
    stop(reason: StopReason): Promise<RunOutcome>;
    private spawnAttempt;
    private onStdoutLine;
    private onStderrLine;
    private onAgentEvent;
    private onAttemptEnd;
    private decide;
    private judge;
    private scheduleRestart;
    private onTimeout;
    /** Ends the run for `endCause`: escalate a live process, or conclude right away during a backoff wait. */
    private endNow;
    private escalate;
    private stopperDeps;
    /** Emits the closing `result` (when the agent printed none) and `exit`, then resolves `done`. */
    private concludeFinal;
    private finish;
    private armIdle;
    private clearTimer;
    private flushParser;
    private supervisorEvent;
    private emit;
    /** The sink must not throw; if it does anyway, supervision goes on. */
    private safely;
}
