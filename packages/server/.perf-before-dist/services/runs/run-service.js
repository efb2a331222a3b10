/**
 * Runs agents: validates a request (runtime, installed CLI, working directory, global cap), records
 * the run, starts it under the supervisor, logs every event, keeps usage and state in the store,
 * and settles the run when the process ends. Also: stop, follow-up (stdin or resume), and the
 * start-up reconciliation that leaves nothing "running" whose process is gone.
 */
import { runtimeId } from '@dash/shared';
import { AppError } from '../../domain/app-error.js';
import { addUsage, isZeroUsage, UsageAccumulator, zeroUsage } from './usage-accumulator.js';
/**
 * Usage arrives with nearly every agent message; storing each delta would cost a write per line.
 * Deltas are summed and written at most this often, and always before the run settles.
 */
const USAGE_FLUSH_MS = 1000;
export class RunService {
    deps;
    live = new Map();
    accepting = true;
    constructor(deps) {
        this.deps = deps;
    }
    async start(input, resume) {
        const parsed = runtimeId.safeParse(input.runtime);
        if (!parsed.success) {
            throw new AppError('RUNTIME_UNKNOWN', {
                message: `Unknown runtime "${input.runtime}"`,
                fields: [{ path: 'body.runtime', message: `must be one of ${runtimeId.options.join(', ')}` }],
            });
        }
        if (!this.accepting)
            throw new AppError('SERVER_DRAINING', { message: 'The server is shutting down; no new runs' });
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
        const spec = {
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
        let endRun;
        const live = {
            run,
            usage: new UsageAccumulator(),
            writes: Promise.resolve(),
            startInput: input,
            ended: new Promise((resolve) => (endRun = resolve)),
            unsavedUsage: zeroUsage(),
            usageTimer: null,
        };
        this.live.set(id, live);
        let handle;
        try {
            handle = this.deps.supervisor.start(spec, this.sinkFor(live));
        }
        catch (err) {
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
        void handle.done.then((outcome) => this.settle(live, outcome)).then(endRun, (err) => {
            this.deps.logger.error({ runId: id, err: String(err) }, 'settling run failed');
            endRun(live.run);
        });
        return live.run;
    }
    /** Resolves with the final run once it has ended (immediately for finished runs). */
    async waitFor(runId) {
        const live = this.live.get(runId);
        if (live)
            return live.ended;
        return this.get(runId);
    }
    async get(runId) {
        const run = await this.deps.runs.get(runId);
        if (!run)
            throw new AppError('RUN_NOT_FOUND', { message: `Run ${runId} not found` });
        return run;
    }
    async stop(runId) {
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
    async followUp(runId, text) {
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
        const resumed = await this.start({
            runtime: run.runtime,
            prompt: text,
            ...(run.model !== null && { model: run.model }),
            ...(run.taskId !== null && { taskId: run.taskId }),
            ...(run.employeeId !== null && { employeeId: run.employeeId }),
        }, { of: run, sessionId: run.sessionId });
        return { mode: 'resumed', run: resumed };
    }
    /**
     * At start-up: every run recorded as active here whose process this server does not own is
     * lost. Orphaned process groups left by a crashed server are killed. Returns the lost runs.
     */
    async reconcile(scope = {}) {
        const active = await this.deps.runs.listActive(scope.nodeId);
        const lost = [];
        for (const run of active) {
            if (this.live.has(run.id))
                continue;
            let killed = false;
            if (run.pid !== null)
                killed = await this.deps.supervisor.killOrphan(run.id, run.pid);
            await this.deps.events.open(run.id, run.eventBytes);
            this.deps.events.record(run.id, {
                type: 'supervisor',
                action: 'lost',
                message: `${scope.why ?? 'Server restarted while the run was active'}; ${killed ? `its orphaned process group ${run.pid} was killed` : 'its process is gone'}`,
            });
            await this.deps.events.close(run.id);
            const updated = await this.deps.runs.transition(run.id, ['queued', 'starting', 'running', 'stopping'], {
                status: 'lost',
                errorCode: 'RUN_LOST',
                errorMessage: scope.why ?? 'The server stopped while this run was active',
                endedAt: this.deps.clock.isoNow(),
            });
            if (updated)
                lost.push(updated);
        }
        if (lost.length > 0)
            this.deps.logger.warn({ count: lost.length }, 'reconciled lost runs');
        return lost;
    }
    /** Stops taking new runs and waits until the live ones end by themselves or `signal` aborts. */
    async waitForIdle(signal) {
        this.accepting = false;
        while (this.live.size > 0 && !signal.aborted) {
            const ended = [...this.live.values()].map((l) => l.ended);
            await Promise.race([Promise.all(ended), new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }))]);
        }
    }
    /** Shutdown: stops every live run (no restarts) and waits until each is settled in the store. */
    async drain() {
        this.accepting = false;
        const ended = [...this.live.values()].map((l) => l.ended);
        await this.deps.supervisor.stopAll('shutdown');
        await Promise.all(ended);
        await this.deps.events.flushAll();
    }
    activeRuns() {
        return [...this.live.values()].map((l) => l.run);
    }
    /** Whether the run's agent is live in this process (scale-out: run control goes to its owner). */
    isLive(runId) {
        return this.live.has(runId);
    }
    /**
     * The store says this run ended elsewhere (another replica recovered it as lost while this one
     * was thought dead): its agent is killed and nothing more is written for it (its sequence
     * numbers now belong to the recovered log). False when its process had ended already.
     */
    async abandon(runId) {
        const handle = this.deps.supervisor.get(runId);
        if (!handle || !this.live.has(runId))
            return false;
        this.deps.events.discard(runId);
        await handle.stop('user');
        return true;
    }
    /** The run's extras; a failure starts the run without them (logged), never fails it. */
    async attach(run, wallTimeoutMs, permissionMode) {
        if (!this.deps.attachments)
            return null;
        try {
            return await this.deps.attachments.attach({
                runId: run.id,
                runtime: run.runtime,
                employeeId: run.employeeId,
                taskId: run.taskId,
                wallTimeoutMs,
                ...(permissionMode !== undefined && { permissionMode }),
            });
        }
        catch (err) {
            this.deps.logger.warn({ runId: run.id, err: String(err) }, 'run attachments failed; the agent starts without them');
            return null;
        }
    }
    async release(runId) {
        await this.deps.attachments?.release(runId).catch((err) => {
            this.deps.logger.warn({ runId, err: String(err) }, 'releasing run attachments failed');
        });
    }
    async assertInstalled(runtime) {
        const infos = await this.deps.supervisor.detectRuntimes();
        const info = infos.find((i) => i.runtime === runtime);
        if (!info?.installed) {
            throw new AppError('RUNTIME_NOT_INSTALLED', {
                message: `The ${runtime} CLI is not installed${info?.reason ? `: ${info.reason}` : ''}`,
                details: { runtime },
            });
        }
    }
    sinkFor(live) {
        const runId = live.run.id;
        return {
            event: (event) => {
                this.deps.events.record(runId, event);
                this.onEvent(live, event);
            },
            // The supervisor numbers attempts from 1: the first spawn starts the run, later ones are restarts.
            started: ({ pid, attempt }) => {
                void this.write(live, () => this.deps.runs.transition(runId, ['starting', 'running'], {
                    status: 'running',
                    pid,
                    restarts: Math.max(0, attempt - 1),
                    ...(attempt <= 1 && { startedAt: this.deps.clock.isoNow() }),
                }));
            },
        };
    }
    onEvent(live, event) {
        const runId = live.run.id;
        const employee = live.run.employeeId ?? 'none';
        if (event.type === 'session.started') {
            void this.write(live, () => this.deps.runs.update(runId, { sessionId: event.sessionId, ...(event.model && { model: event.model }) }));
            return;
        }
        if (event.type !== 'usage')
            return;
        const delta = live.usage.add(event);
        if (isZeroUsage(delta))
            return;
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
    saveUsage(live) {
        if (live.usageTimer)
            clearTimeout(live.usageTimer);
        live.usageTimer = null;
        const delta = live.unsavedUsage;
        if (isZeroUsage(delta))
            return live.writes;
        live.unsavedUsage = zeroUsage();
        return this.write(live, () => this.deps.runs.addUsage(live.run.id, delta));
    }
    async settle(live, outcome) {
        const runId = live.run.id;
        await this.saveUsage(live);
        await live.writes;
        await this.deps.events.close(runId);
        const endedAt = this.deps.clock.isoNow();
        // The end of a run must reach the store: while it is unreachable (a PostgreSQL restart) the
        // write is retried, so no run stays "running" once its process is gone.
        const settled = (await this.untilStored(runId, () => this.deps.runs.transition(runId, ['queued', 'starting', 'running', 'stopping'], {
            status: outcome.status,
            exitCode: outcome.exitCode,
            exitSignal: outcome.exitSignal,
            restarts: outcome.restarts,
            errorCode: outcome.errorCode,
            errorMessage: outcome.errorMessage,
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
    async untilStored(runId, op) {
        const deadline = this.deps.clock.now() + 10 * 60_000;
        let delayMs = 100;
        for (let attempt = 1;; attempt++) {
            try {
                return await op();
            }
            catch (err) {
                if ((err instanceof AppError && !err.retryable) || this.deps.clock.now() > deadline)
                    throw err;
                if (attempt === 1)
                    this.deps.logger.warn({ runId, err: String(err) }, 'recording the end of a run failed; retrying until the store answers');
                await new Promise((resolve) => setTimeout(resolve, delayMs));
                delayMs = Math.min(delayMs * 2, 2_000);
            }
        }
    }
    write(live, op) {
        const next = live.writes.then(op).then((value) => {
            if (value && typeof value === 'object' && 'id' in value && 'status' in value)
                live.run = value;
            return value;
        }, (err) => {
            this.deps.logger.error({ runId: live.run.id, err: String(err) }, 'run store write failed');
            return undefined;
        });
        live.writes = next;
        return next;
    }
}
//# sourceMappingURL=run-service.js.map