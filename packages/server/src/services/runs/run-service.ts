/**
 * Runs agents: validates a request (runtime, installed CLI, working directory, global cap), records
 * the run, starts it under the supervisor, logs every event, keeps usage and state in the store,
 * and settles the run when the process ends. Also: stop, follow-up (stdin or resume), the
 * start-up reconciliation that leaves nothing "running" whose process is gone, and self-fencing
 * (fence / settleFenced, driven by services/cluster/replica-fence.ts).
 */
import { runtimeId, type AgentEvent, type Run, type RunUsage, type RuntimeId } from '@dash/shared';
import { AppError } from '../../domain/app-error.js';
import type {
  AgentSupervisor,
  PermissionMode,
  RunLimits,
  RunOutcome,
  RunSink,
  RunSpec,
} from '../../ports/agent-supervisor.js';
import type { Clock } from '../../ports/clock.js';
import type { Logger } from '../../ports/logger.js';
import type { RunRepository } from '../../ports/run-repository.js';
import type { RunMetrics } from '../../ports/run-metrics.js';
import type { RunAttachment, RunAttachments } from '../../ports/run-attachments.js';
import type { RunEventLog } from '../run-events/run-event-log.js';
import { addUsage, isZeroUsage, UsageAccumulator, zeroUsage } from './usage-accumulator.js';
import type { WorkdirPolicy } from './workdir-policy.js';

export interface StartRunInput {
  runtime: string;
  prompt: string;
  /** Absolute, or relative to the primary workdir root; a fresh directory when absent. */
  cwd?: string;
  systemPrompt?: string;
  model?: string;
  maxTurns?: number;
  allowedTools?: string[];
  disallowedTools?: string[];
  permissionMode?: PermissionMode;
  command?: string[];
  env?: Record<string, string>;
  mcpConfigPath?: string;
  taskId?: string;
  employeeId?: string;
  task?: { id: string; title: string; description: string };
  limits?: Partial<RunLimits>;
}

export interface RunServiceDeps {
  runs: RunRepository;
  events: RunEventLog;
  supervisor: AgentSupervisor;
  workdirs: WorkdirPolicy;
  clock: Clock;
  metrics: RunMetrics;
  logger: Logger;
  newId: () => string;
  nodeId: string;
  maxConcurrent: number;
  defaultLimits: RunLimits;
  /** Extras per run (the bridge's MCP access); absent = none. */
  attachments?: RunAttachments;
  /**
   * Whether this process may start agents (SERVICE_ROLE includes `worker`). An `api`-only
   * replica refuses with RUN_NEEDS_WORKER rather than run an agent process in the API tier.
   * @default true
   */
  startsAgents?: boolean;
}

export type FollowUpResult = { mode: 'stdin'; run: Run } | { mode: 'resumed'; run: Run };

/**
 * Who owns the runs a fence stopped, as the replica table said when the heartbeat was renewed:
 * `here` (nobody declared this replica dead: it writes their end itself) or `elsewhere` (it was
 * declared dead: the recoverer owns their event logs and marks them lost).
 */
export type FencedRunOwner = 'here' | 'elsewhere';

/** One fencing episode: why, and the owner of its runs once known. */
interface Fencing {
  why: string;
  owner: Promise<FencedRunOwner>;
  decide(owner: FencedRunOwner): void;
}

interface LiveRun {
  run: Run;
  usage: UsageAccumulator;
  /** Serializes store writes for this run so they land in order. */
  writes: Promise<unknown>;
  startInput: StartRunInput;
  ended: Promise<Run>;
  /** Usage not yet added to the stored totals; written at most once per USAGE_FLUSH_MS. */
  unsavedUsage: RunUsage;
  usageTimer: ReturnType<typeof setTimeout> | null;
  /** runs.log_truncated was (being) written for this run. */
  logTruncated: boolean;
  /** Stopped by a fence: settled once the fence says who owns it (see fence()). */
  fenced: Fencing | null;
}

/**
 * Usage arrives with nearly every agent message; storing each delta would cost a write per line.
 * Deltas are summed and written at most this often, and always before the run settles.
 */
const USAGE_FLUSH_MS = 1000;

export class RunService {
  private readonly live = new Map<string, LiveRun>();
  private accepting = true;
  /** Set while this replica is fenced (no new runs; see fence()). */
  private fencing: Fencing | null = null;

  constructor(private readonly deps: RunServiceDeps) {}

  async start(input: StartRunInput, resume?: { of: Run; sessionId: string }): Promise<Run> {
    const parsed = runtimeId.safeParse(input.runtime);
    if (!parsed.success) {
      throw new AppError('RUNTIME_UNKNOWN', {
        message: `Unknown runtime "${input.runtime}"`,
        fields: [{ path: 'body.runtime', message: `must be one of ${runtimeId.options.join(', ')}` }],
      });
    }
    if (this.deps.startsAgents === false) {
      throw new AppError('RUN_NEEDS_WORKER', {
        message: 'This server runs SERVICE_ROLE=api without worker and starts no agents: create a task (a worker replica runs it) or call a replica with the worker role',
      });
    }
    if (!this.accepting) throw new AppError('SERVER_DRAINING', { message: 'The server is shutting down; no new runs' });
    this.assertNotFenced();
    const runtime = parsed.data;
    await this.assertInstalled(runtime);
    if (this.deps.supervisor.activeCount() >= this.deps.maxConcurrent) {
      throw new AppError('CONCURRENCY_LIMIT', {
        message: `${this.deps.maxConcurrent} agent processes are already running`,
      });
    }
    const id = this.deps.newId();
    const cwd = resume ? resume.of.cwd : await this.deps.workdirs.resolve(input.cwd, id);
    const created = await this.deps.runs.create({
      id,
      taskId: input.taskId ?? null,
      employeeId: input.employeeId ?? null,
      runtime,
      model: input.model ?? null,
      cwd,
      resumeOf: resume?.of.id ?? null,
      nodeId: this.deps.nodeId,
      createdAt: this.deps.clock.isoNow(),
    });
    const run = (await this.deps.runs.transition(id, ['queued'], { status: 'starting' })) ?? created;
    await this.deps.events.open(id);
    const limits = { ...this.deps.defaultLimits, ...input.limits };
    const attachment = input.mcpConfigPath === undefined ? await this.attach(run, limits.wallTimeoutMs, input.permissionMode) : null;
    const allowedTools = attachment?.allowedTools ? [...(input.allowedTools ?? []), ...attachment.allowedTools] : input.allowedTools;
    const mcpConfigPath = input.mcpConfigPath ?? attachment?.mcpConfigPath;
    const permissionPromptTool = attachment?.permissionPromptTool;
    const spec: RunSpec = {
      runId: id,
      runtime,
      prompt: input.prompt,
      cwd,
      limits,
      ...(input.systemPrompt !== undefined && { systemPrompt: input.systemPrompt }),
      ...(input.model !== undefined && { model: input.model }),
      ...(input.maxTurns !== undefined && { maxTurns: input.maxTurns }),
      ...(allowedTools !== undefined && { allowedTools }),
      ...(input.disallowedTools !== undefined && { disallowedTools: input.disallowedTools }),
      ...(input.permissionMode !== undefined && { permissionMode: input.permissionMode }),
      ...(input.command !== undefined && { command: input.command }),
      ...(mcpConfigPath !== undefined && { mcpConfigPath }),
      ...(permissionPromptTool !== undefined && { permissionPromptTool }),
      ...(input.task !== undefined && { task: input.task }),
      ...(resume && { resumeSessionId: resume.sessionId }),
      env: { ...input.env, DASH_RUN_ID: id },
    };
    let endRun!: (run: Run) => void;
    const live: LiveRun = {
      run,
      usage: new UsageAccumulator(),
      writes: Promise.resolve(),
      startInput: input,
      ended: new Promise<Run>((resolve) => (endRun = resolve)),
      unsavedUsage: zeroUsage(),
      usageTimer: null,
      logTruncated: false,
      fenced: null,
    };
    this.live.set(id, live);
    let handle;
    try {
      handle = this.deps.supervisor.start(spec, this.sinkFor(live));
    } catch (err) {
      const code = err instanceof AppError ? err.code : 'AGENT_SPAWN_FAILED';
      const message = err instanceof Error ? err.message : String(err);
      this.deps.events.record(id, { type: 'supervisor', action: 'spawn_failed', message });
      await this.deps.events.close(id);
      const failed = await this.deps.runs.update(id, {
        status: 'failed',
        errorCode: code,
        errorMessage: message,
        endedAt: this.deps.clock.isoNow(),
      });
      this.live.delete(id);
      await this.release(id);
      endRun(failed);
      throw err;
    }
    void handle.done.then((outcome) => this.settle(live, outcome)).then(endRun, (err: unknown) => {
      this.deps.logger.error({ runId: id, err: String(err) }, 'settling run failed');
      endRun(live.run);
    });
    // Fenced while this run was being set up: it is stopped like the others.
    if (this.fencing !== null) void this.fenceRun(live, this.fencing);
    return live.run;
  }

  /** Resolves with the final run once it has ended (immediately for finished runs). */
  async waitFor(runId: string): Promise<Run> {
    const live = this.live.get(runId);
    if (live) return live.ended;
    return this.get(runId);
  }

  async get(runId: string): Promise<Run> {
    const run = await this.deps.runs.get(runId);
    if (!run) throw new AppError('RUN_NOT_FOUND', { message: `Run ${runId} not found` });
    return run;
  }

  async stop(runId: string): Promise<Run> {
    const handle = this.deps.supervisor.get(runId);
    const live = this.live.get(runId);
    if (!handle || !live) {
      await this.get(runId);
      throw new AppError('RUN_NOT_ACTIVE', { message: `Run ${runId} is not running` });
    }
    this.deps.events.record(runId, { type: 'supervisor', action: 'stop_requested', message: 'Stop requested by a user' });
    await this.write(live, () => this.deps.runs.transition(runId, ['starting', 'running'], { status: 'stopping' }));
    await handle.stop('user');
    return live.ended;
  }

  /** A follow-up goes to the running agent's stdin, or resumes the finished session as a new run. */
  async followUp(runId: string, text: string): Promise<FollowUpResult> {
    const handle = this.deps.supervisor.get(runId);
    const live = this.live.get(runId);
    if (handle && live) {
      // The supervisor records the follow-up as a user.message event.
      handle.sendInput(text);
      return { mode: 'stdin', run: live.run };
    }
    const run = await this.get(runId);
    if (!run.sessionId) {
      throw new AppError('RUN_NO_SESSION', {
        message: `Run ${runId} has finished and has no agent session to resume`,
      });
    }
    const resumed = await this.start(
      {
        runtime: run.runtime,
        prompt: text,
        ...(run.model !== null && { model: run.model }),
        ...(run.taskId !== null && { taskId: run.taskId }),
        ...(run.employeeId !== null && { employeeId: run.employeeId }),
      },
      { of: run, sessionId: run.sessionId },
    );
    return { mode: 'resumed', run: resumed };
  }

  /**
   * At start-up: every run recorded as active here whose process this server does not own is
   * lost. Orphaned process groups left by a crashed server are killed. Returns the lost runs.
   */
  async reconcile(scope: { nodeId?: string; why?: string } = {}): Promise<Run[]> {
    const active = await this.deps.runs.listActive(scope.nodeId);
    const lost: Run[] = [];
    for (const run of active) {
      if (this.live.has(run.id)) continue;
      let killed = false;
      if (run.pid !== null) killed = await this.deps.supervisor.killOrphan(run.id, run.pid);
      // At the end of what is stored, whoever wrote last (the old owner may still be flushing).
      await this.deps.events.appendFinal(run.id, {
        type: 'supervisor',
        action: 'lost',
        message: `${scope.why ?? 'Server restarted while the run was active'}; ${
          killed ? `its orphaned process group ${run.pid} was killed` : 'its process is gone'
        }`,
      });
      const updated = await this.deps.runs.transition(run.id, ['queued', 'starting', 'running', 'stopping'], {
        status: 'lost',
        errorCode: 'RUN_LOST',
        errorMessage: scope.why ?? 'The server stopped while this run was active',
        endedAt: this.deps.clock.isoNow(),
      });
      if (updated) lost.push(updated);
    }
    if (lost.length > 0) this.deps.logger.warn({ count: lost.length }, 'reconciled lost runs');
    return lost;
  }

  /** Stops taking new runs and waits until the live ones end by themselves or `signal` aborts. */
  async waitForIdle(signal: AbortSignal): Promise<void> {
    this.accepting = false;
    while (this.live.size > 0 && !signal.aborted) {
      const ended = [...this.live.values()].map((l) => l.ended);
      await Promise.race([Promise.all(ended), new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }))]);
    }
  }

  /** Shutdown: stops every live run (no restarts) and waits until each is settled in the store. */
  async drain(): Promise<void> {
    this.accepting = false;
    // Fenced runs cannot wait for a renewed heartbeat any more: settled as possibly recovered
    // elsewhere (nothing is written to their logs; their end is a conditional write).
    if (this.fencing !== null) void this.settleFenced('elsewhere');
    const ended = [...this.live.values()].map((l) => l.ended);
    await this.deps.supervisor.stopAll('shutdown');
    await Promise.all(ended);
    await this.deps.events.flushAll();
  }

  activeRuns(): Run[] {
    return [...this.live.values()].map((l) => l.run);
  }

  /** Whether the run's agent is live in this process (scale-out: run control goes to its owner). */
  isLive(runId: string): boolean {
    return this.live.has(runId);
  }

  /**
   * The store says this run ended elsewhere (another replica recovered it as lost while this one
   * was thought dead): its agent is killed and nothing more is written for it (its sequence
   * numbers now belong to the recovered log). False when its process had ended already.
   */
  async abandon(runId: string): Promise<boolean> {
    const handle = this.deps.supervisor.get(runId);
    const live = this.live.get(runId);
    // A fenced run is stopped already and settled by settleFenced().
    if (!handle || !live || live.fenced !== null) return false;
    this.deps.events.discard(runId);
    await handle.stop('user');
    return true;
  }

  /**
   * Self-fencing: this replica could not renew its heartbeat for long enough that another one may
   * soon declare it dead and recover its runs. New runs are refused (DEPENDENCY_UNAVAILABLE) and
   * every live agent is stopped through the supervisor (its stop escalation on the process group);
   * nothing is written to the store for those runs until settleFenced() says who owns them.
   * Resolves once their processes are gone, with how many were stopped. Idempotent.
   */
  async fence(why: string): Promise<number> {
    if (this.fencing === null) {
      let decide!: (owner: FencedRunOwner) => void;
      const owner = new Promise<FencedRunOwner>((resolve) => (decide = resolve));
      this.fencing = { why, owner, decide };
    }
    const fencing = this.fencing;
    const stopped = await Promise.all([...this.live.values()].map((l) => this.fenceRun(l, fencing)));
    return stopped.filter(Boolean).length;
  }

  /**
   * The fenced replica renewed its heartbeat: new runs are accepted again, and the runs the fence
   * stopped are settled as `lost` — `here`: their logs are written (with a closing `lost` event)
   * and their end recorded; `elsewhere`: their logs are dropped unwritten (the recoverer appends
   * to them) and only the conditional end is written, which loses to a recoverer's. Resolves once
   * they are settled.
   */
  async settleFenced(owner: FencedRunOwner): Promise<void> {
    const fencing = this.fencing;
    if (fencing === null) return;
    this.fencing = null;
    fencing.decide(owner);
    await Promise.all([...this.live.values()].filter((l) => l.fenced === fencing).map((l) => l.ended));
  }

  /** Stops one run for the fence; false when it was fenced already or its process had ended (it settles as it ended). */
  private async fenceRun(live: LiveRun, fencing: Fencing): Promise<boolean> {
    const handle = this.deps.supervisor.get(live.run.id);
    if (!handle || live.fenced !== null) return false;
    live.fenced = fencing;
    this.deps.events.record(live.run.id, {
      type: 'supervisor',
      action: 'stop_requested',
      message: `Stopped: replica ${this.deps.nodeId} fenced itself (${fencing.why})`,
    });
    await handle.stop('user');
    return true;
  }

  private assertNotFenced(): void {
    if (this.fencing === null) return;
    throw new AppError('DEPENDENCY_UNAVAILABLE', {
      message: `Replica ${this.deps.nodeId} starts no runs while it is fenced (${this.fencing.why})`,
      details: { dependency: 'store', fenced: true },
    });
  }

  /** The run's extras; a failure starts the run without them (logged), never fails it. */
  private async attach(run: Run, wallTimeoutMs: number, permissionMode: PermissionMode | undefined): Promise<RunAttachment | null> {
    if (!this.deps.attachments) return null;
    try {
      return await this.deps.attachments.attach({
        runId: run.id,
        runtime: run.runtime,
        employeeId: run.employeeId,
        taskId: run.taskId,
        wallTimeoutMs,
        ...(permissionMode !== undefined && { permissionMode }),
      });
    } catch (err) {
      this.deps.logger.warn({ runId: run.id, err: String(err) }, 'run attachments failed; the agent starts without them');
      return null;
    }
  }

  private async release(runId: string): Promise<void> {
    await this.deps.attachments?.release(runId).catch((err: unknown) => {
      this.deps.logger.warn({ runId, err: String(err) }, 'releasing run attachments failed');
    });
  }

  private async assertInstalled(runtime: RuntimeId): Promise<void> {
    const infos = await this.deps.supervisor.detectRuntimes();
    const info = infos.find((i) => i.runtime === runtime);
    if (!info?.installed) {
      throw new AppError('RUNTIME_NOT_INSTALLED', {
        message: `The ${runtime} CLI is not installed${info?.reason ? `: ${info.reason}` : ''}`,
        details: { runtime },
      });
    }
  }

  private sinkFor(live: LiveRun): RunSink {
    const runId = live.run.id;
    return {
      event: (event: AgentEvent) => {
        const recorded = this.deps.events.record(runId, event);
        // Contract: once the log cap cut this run's stored output, the run says so (logTruncated),
        // written once, in order with the run's other writes (so before it settles).
        if (recorded === null && !live.logTruncated && this.deps.events.isCapped(runId)) {
          live.logTruncated = true;
          void this.write(live, () => this.deps.runs.update(runId, { logTruncated: true }));
        }
        this.onEvent(live, event);
      },
      // The supervisor numbers attempts from 1: the first spawn starts the run, later ones are restarts.
      started: ({ pid, attempt }) => {
        void this.write(live, () =>
          this.deps.runs.transition(runId, ['starting', 'running'], {
            status: 'running',
            pid,
            restarts: Math.max(0, attempt - 1),
            ...(attempt <= 1 && { startedAt: this.deps.clock.isoNow() }),
          }),
        );
      },
    };
  }

  private onEvent(live: LiveRun, event: AgentEvent): void {
    const runId = live.run.id;
    const employee = live.run.employeeId ?? 'none';
    if (event.type === 'session.started') {
      void this.write(live, () =>
        this.deps.runs.update(runId, { sessionId: event.sessionId, ...(event.model && { model: event.model }) }),
      );
      return;
    }
    if (event.type !== 'usage') return;
    const delta = live.usage.add(event);
    if (isZeroUsage(delta)) return;
    this.deps.metrics.tokens(employee, 'input', delta.inputTokens);
    this.deps.metrics.tokens(employee, 'output', delta.outputTokens);
    this.deps.metrics.tokens(employee, 'cache_read', delta.cacheReadTokens);
    this.deps.metrics.tokens(employee, 'cache_write', delta.cacheWriteTokens);
    this.deps.metrics.cost(employee, delta.costUsd);
    live.unsavedUsage = addUsage(live.unsavedUsage, delta);
    live.usageTimer ??= setTimeout(() => {
      live.usageTimer = null;
      void this.saveUsage(live);
    }, USAGE_FLUSH_MS);
  }

  private saveUsage(live: LiveRun): Promise<unknown> {
    if (live.usageTimer) clearTimeout(live.usageTimer);
    live.usageTimer = null;
    const delta = live.unsavedUsage;
    if (isZeroUsage(delta)) return live.writes;
    live.unsavedUsage = zeroUsage();
    return this.write(live, () => this.deps.runs.addUsage(live.run.id, delta));
  }

  private async settle(live: LiveRun, outcome: RunOutcome): Promise<Run> {
    const runId = live.run.id;
    // Stopped by a fence: nothing is written until the fence says who owns the run.
    const fenced = live.fenced;
    const owner = fenced === null ? null : await fenced.owner;
    await this.saveUsage(live);
    await live.writes;
    const lostWhy = fenced === null ? null : `Its replica ${this.deps.nodeId} fenced itself (${fenced.why}) and stopped its agent`;
    if (owner === 'elsewhere') this.deps.events.discard(runId);
    else {
      if (lostWhy !== null) this.deps.events.record(runId, { type: 'supervisor', action: 'lost', message: lostWhy });
      await this.deps.events.close(runId);
    }
    const end =
      lostWhy === null
        ? { status: outcome.status, errorCode: outcome.errorCode, errorMessage: outcome.errorMessage }
        : { status: 'lost' as const, errorCode: 'RUN_LOST', errorMessage: lostWhy };
    const endedAt = this.deps.clock.isoNow();
    // The end of a run must reach the store: while it is unreachable (a PostgreSQL restart) the
    // write is retried, so no run stays "running" once its process is gone.
    const settled =
      (await this.untilStored(runId, () => this.deps.runs.transition(runId, ['queued', 'starting', 'running', 'stopping'], {
        ...end,
        exitCode: outcome.exitCode,
        exitSignal: outcome.exitSignal,
        restarts: outcome.restarts,
        resultText: outcome.resultText,
        endedAt,
        pid: null,
        ...(outcome.sessionId !== null && { sessionId: outcome.sessionId }),
      }))) ?? (await this.untilStored(runId, () => this.get(runId)));
    this.live.delete(runId);
    await this.release(runId);
    const started = settled.startedAt ? Date.parse(settled.startedAt) : Date.parse(settled.createdAt);
    this.deps.metrics.runEnded(settled.runtime, settled.status, Math.max(0, (Date.parse(endedAt) - started) / 1000));
    return settled;
  }

  /** Runs a store operation until it succeeds; an AppError that retrying cannot fix is thrown (and, after 10 minutes, any error). */
  private async untilStored<T>(runId: string, op: () => Promise<T>): Promise<T> {
    const deadline = this.deps.clock.now() + 10 * 60_000;
    let delayMs = 100;
    for (let attempt = 1; ; attempt++) {
      try {
        return await op();
      } catch (err) {
        if ((err instanceof AppError && !err.retryable) || this.deps.clock.now() > deadline) throw err;
        if (attempt === 1) this.deps.logger.warn({ runId, err: String(err) }, 'recording the end of a run failed; retrying until the store answers');
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        delayMs = Math.min(delayMs * 2, 2_000);
      }
    }
  }

  private write<T>(live: LiveRun, op: () => Promise<T>): Promise<T | undefined> {
    const next = live.writes.then(op).then(
      (value) => {
        if (value && typeof value === 'object' && 'id' in value && 'status' in value) live.run = value as unknown as Run;
        return value;
      },
      (err: unknown) => {
        this.deps.logger.error({ runId: live.run.id, err: String(err) }, 'run store write failed');
        return undefined;
      },
    );
    live.writes = next;
    return next;
  }
}
