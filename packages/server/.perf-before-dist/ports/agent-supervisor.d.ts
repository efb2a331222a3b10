/**
 * Starting and controlling agent processes. Implemented by runners/ (runner per CLI + the process
 * supervisor); services only see this port. One run = one agent session, supervised like an init
 * system: own process group, signal escalation on stop, wall-clock and idle timeouts, restarts
 * after a crash only (never after a user stop), resource sampling.
 */
import type { AgentEvent, RuntimeId } from '@dash/shared';
export type PermissionMode = 'default' | 'acceptEdits' | 'plan' | 'bypassPermissions';
export interface RunSpec {
    runId: string;
    runtime: RuntimeId;
    /** The task prompt, sent on stdin (never on the command line). */
    prompt: string;
    /** Role prompt, appended to the agent's system prompt. */
    systemPrompt?: string;
    /** Absolute working directory, already checked against the allowed roots. */
    cwd: string;
    model?: string;
    maxTurns?: number;
    allowedTools?: string[];
    disallowedTools?: string[];
    permissionMode?: PermissionMode;
    /** Continue an earlier agent session (Claude Code `--resume <id>`). */
    resumeSessionId?: string;
    /** Extra environment for the agent (already stripped of the dashboard's secrets). */
    env?: Record<string, string>;
    /** shell runtime only: the argv of the command to run (no shell is involved). */
    command?: string[];
    /** Path of an MCP config file handed to the agent, when the runtime supports it. */
    mcpConfigPath?: string;
    /** MCP tool that answers the agent's permission prompts (Claude Code `--permission-prompt-tool`). */
    permissionPromptTool?: string;
    /** Task facts exported to shell agents as DASH_TASK_* variables. */
    task?: {
        id: string;
        title: string;
        description: string;
    };
    limits: RunLimits;
}
export interface RunLimits {
    /** Wall-clock limit for the whole run (all attempts); 0 = none. */
    wallTimeoutMs: number;
    /** Stop when the agent prints nothing for this long; 0 = none. @default 30 min */
    idleTimeoutMs: number;
    /** Restarts allowed after a crash. @default 0 */
    maxRestarts: number;
    /** First restart delay; doubles each time up to maxBackoffMs. */
    restartBackoffMs: number;
    maxBackoffMs: number;
    /** Escalation delays: SIGINT → (sigintMs) → SIGTERM → (sigtermMs) → SIGKILL. */
    sigintGraceMs: number;
    sigtermGraceMs: number;
}
/** Receives everything a run produces, in order. Must not throw. */
export interface RunSink {
    event(event: AgentEvent): void;
    /** The process (re)started with this pid. */
    started(info: {
        pid: number;
        attempt: number;
    }): void;
}
export type RunEndStatus = 'succeeded' | 'failed' | 'cancelled' | 'timed_out';
export interface RunOutcome {
    status: RunEndStatus;
    exitCode: number | null;
    exitSignal: string | null;
    restarts: number;
    errorCode: string | null;
    errorMessage: string | null;
    sessionId: string | null;
    resultText: string | null;
}
export type StopReason = 'user' | 'shutdown';
export interface RunHandle {
    readonly runId: string;
    /** Current process id, null between attempts. */
    readonly pid: number | null;
    /** Sends a follow-up message on stdin; throws AppError RUN_INPUT_UNSUPPORTED / RUN_NOT_ACTIVE. */
    sendInput(text: string): void;
    /** Escalating stop of the process group; no restart follows. Resolves when the run has ended. */
    stop(reason: StopReason): Promise<RunOutcome>;
    /** Resolves once the run has ended for good (after any restarts). Never rejects. */
    readonly done: Promise<RunOutcome>;
}
export interface ProcessSample {
    runId: string;
    pid: number;
    /** CPU seconds used since spawn (user + system). */
    cpuSeconds: number;
    rssBytes: number;
}
export interface RuntimeInfo {
    runtime: RuntimeId;
    installed: boolean;
    /** Resolved path of the binary, when installed. */
    path: string | null;
    version: string | null;
    /** Why it is not usable, when not installed. */
    reason: string | null;
}
export interface AgentSupervisor {
    /**
     * Spawns the agent; events flow to `sink`. Throws AppError RUNTIME_NOT_INSTALLED or
     * AGENT_SPAWN_FAILED before anything runs when it cannot start.
     */
    start(spec: RunSpec, sink: RunSink): RunHandle;
    get(runId: string): RunHandle | undefined;
    /** Live processes only (the global cap counts these). */
    activeCount(): number;
    /** CPU and RSS of every live agent process. */
    sample(): Promise<ProcessSample[]>;
    /** Which CLIs are installed, with versions. */
    detectRuntimes(): Promise<RuntimeInfo[]>;
    /**
     * Kills a process group left behind by an earlier server process (after a crash), but only if
     * `pid` still belongs to run `runId` (agents carry DASH_RUN_ID in their environment, checked
     * through /proc). Returns whether something was killed.
     */
    killOrphan(runId: string, pid: number): Promise<boolean>;
    /** Stops every run (shutdown); resolves when all have ended. */
    stopAll(reason: StopReason): Promise<void>;
}
