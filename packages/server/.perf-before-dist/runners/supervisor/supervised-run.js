import { AppError } from '../../domain/app-error.js';
import { AgentProcess } from './agent-process.js';
import { escalateGroup, killLeftovers } from './group-stopper.js';
import { errorText, finalForCause, spawnFailedFinal, SUCCEEDED, syntheticResult, } from './run-conclusion.js';
export class SupervisedRun {
    deps;
    runId;
    done;
    resolveDone = () => undefined;
    limits;
    startedAt;
    proc = null;
    /** The current attempt has ended and is being cleaned up (no new escalation). */
    ending = false;
    attempt = 0;
    restarts = 0;
    parser = null;
    lastResult = null;
    lastText = null;
    sessionId = null;
    lastExit = null;
    /** Prompts sent whose result has not arrived yet (for closeStdin `on-result`). */
    pendingReplies = 0;
    lastActivity = 0;
    endCause = null;
    escalation = null;
    wallTimer = null;
    idleTimer = null;
    backoffTimer = null;
    finished = false;
    constructor(deps) {
        this.deps = deps;
        this.runId = deps.spec.runId;
        this.limits = deps.spec.limits;
        this.startedAt = deps.clock.now();
        this.done = new Promise((resolve) => {
            this.resolveDone = resolve;
        });
    }
    get pid() {
        return this.proc?.pid ?? null;
    }
    /** First spawn. Throws AppError AGENT_SPAWN_FAILED when the OS refuses synchronously. */
    begin() {
        try {
            this.spawnAttempt();
        }
        catch (err) {
            this.finish(spawnFailedFinal(err));
            throw new AppError('AGENT_SPAWN_FAILED', { message: `Could not start the agent: ${errorText(err)}`, cause: err });
        }
        if (this.limits.wallTimeoutMs > 0) {
            this.wallTimer = this.deps.timers.setTimeout(() => this.onTimeout('wall'), this.limits.wallTimeoutMs);
        }
    }
    sendInput(text) {
        const line = this.deps.runner.encodeInput(text);
        if (line === null)
            throw new AppError('RUN_INPUT_UNSUPPORTED');
        const proc = this.proc;
        if (this.finished || this.endCause || this.ending || !proc || !proc.stdinWritable) {
            throw new AppError('RUN_NOT_ACTIVE', { message: 'The agent is not running or no longer reads input' });
        }
        if (!proc.writeLine(line))
            throw new AppError('RUN_NOT_ACTIVE');
        this.pendingReplies += 1;
        this.emit({ type: 'user.message', text });
    }
    stop(reason) {
        if (this.finished || this.endCause)
            return this.done;
        this.endCause = { kind: 'stop', reason };
        this.supervisorEvent('stop_requested', `Stop requested (${reason})`);
        this.endNow();
        return this.done;
    }
    // ---- attempts ---------------------------------------------------------------------------
    spawnAttempt() {
        const { invocation, runner, spec } = this.deps;
        this.attempt += 1;
        this.parser = runner.createParser();
        this.lastResult = null;
        this.lastText = null;
        this.pendingReplies = 1;
        this.ending = false;
        this.lastActivity = this.deps.clock.now();
        const proc = new AgentProcess(invocation, {
            onStdoutLine: (line) => this.onStdoutLine(line),
            onStderrLine: (line) => this.onStderrLine(line),
            onActivity: () => {
                this.lastActivity = this.deps.clock.now();
            },
            onStdinError: (error) => this.deps.logger.debug({ runId: this.runId, err: error.message }, 'agent stdin closed'),
            onEnd: (end) => {
                this.onAttemptEnd(proc, end).catch((err) => {
                    this.deps.logger.error({ runId: this.runId, err: errorText(err) }, 'supervisor failed to end an attempt');
                    this.finish({ status: 'failed', errorCode: 'INTERNAL_ERROR', errorMessage: errorText(err) });
                });
            },
        }, this.deps.settings, this.deps.timers);
        this.proc = proc;
        if (proc.pid === null)
            return; // the spawn error arrives through onEnd
        this.safely(() => this.deps.sink.started({ pid: proc.pid, attempt: this.attempt }));
        this.supervisorEvent('spawned', `Started ${spec.runtime} agent (pid ${proc.pid})`, { pid: proc.pid, attempt: this.attempt });
        this.emit({ type: 'user.message', text: spec.prompt });
        for (const line of invocation.stdinLines)
            proc.writeLine(line);
        if (invocation.closeStdin === 'after-initial')
            proc.endStdin();
        this.armIdle(this.limits.idleTimeoutMs);
    }
    onStdoutLine(line) {
        if (line.truncated) {
            this.emit({ type: 'raw', line: truncatedText(line) });
            return;
        }
        let events;
        try {
            events = this.parser?.parseLine(line.text) ?? [];
        }
        catch (err) {
            this.deps.logger.warn({ runId: this.runId, err: errorText(err) }, 'runner parser threw; line kept raw');
            events = [{ type: 'raw', line: line.text }];
        }
        for (const event of events)
            this.onAgentEvent(event);
    }
    onStderrLine(line) {
        if (!line.truncated && line.text.trim() === '')
            return;
        this.emit({ type: 'stderr', line: line.truncated ? truncatedText(line) : line.text });
    }
    onAgentEvent(event) {
        if (event.type === 'session.started')
            this.sessionId = event.sessionId;
        else if (event.type === 'assistant.text')
            this.lastText = event.text;
        else if (event.type === 'result') {
            this.lastResult = event;
            if (event.sessionId)
                this.sessionId = event.sessionId;
            this.pendingReplies = Math.max(0, this.pendingReplies - 1);
            if (this.deps.invocation.closeStdin === 'on-result' && this.pendingReplies === 0)
                this.proc?.endStdin();
        }
        this.emit(event);
    }
    async onAttemptEnd(proc, end) {
        this.ending = true;
        this.clearTimer('idle');
        if (end.kind === 'spawn_failed') {
            this.proc = null;
            this.supervisorEvent('spawn_failed', `Could not start the agent: ${end.error.message}`, { attempt: this.attempt });
            this.concludeFinal(spawnFailedFinal(end.error), { code: null, signal: null });
            return;
        }
        for (const event of this.flushParser())
            this.onAgentEvent(event);
        if (this.escalation)
            await this.escalation;
        else if (proc.pid !== null) {
            await killLeftovers(proc.pid, this.stopperDeps('Sent {signal} to processes left in group {pgid} after the agent exited'));
        }
        this.proc = null;
        this.lastExit = end.exit;
        this.decide(end.exit);
    }
    decide(exit) {
        if (this.endCause) {
            this.concludeFinal(finalForCause(this.endCause, this.limits), exit);
            return;
        }
        const verdict = this.judge(exit);
        const crashed = !verdict.success && this.lastResult === null && (exit.signal !== null || exit.code !== 0);
        if (crashed) {
            if (this.restarts < this.limits.maxRestarts) {
                this.emit({ type: 'exit', code: exit.code, signal: exit.signal });
                this.scheduleRestart();
                return;
            }
            if (this.limits.maxRestarts > 0) {
                this.supervisorEvent('restart_limit', `Not restarting: ${this.limits.maxRestarts} restart(s) already used`, {
                    attempt: this.attempt,
                });
            }
        }
        this.concludeFinal(verdict.success
            ? SUCCEEDED
            : { status: 'failed', errorCode: verdict.errorCode ?? 'AGENT_FAILED', errorMessage: verdict.errorMessage }, exit);
    }
    judge(exit) {
        try {
            return this.deps.runner.judge(this.lastResult, exit);
        }
        catch (err) {
            return { success: false, errorCode: 'INTERNAL_ERROR', errorMessage: `runner judge failed: ${errorText(err)}` };
        }
    }
    scheduleRestart() {
        const { restartBackoffMs, maxBackoffMs } = this.limits;
        const delayMs = Math.max(0, Math.min(restartBackoffMs * 2 ** this.restarts, maxBackoffMs));
        this.supervisorEvent('restart_scheduled', `Agent crashed; restarting in ${delayMs} ms`, {
            attempt: this.attempt + 1,
            delayMs,
        });
        this.backoffTimer = this.deps.timers.setTimeout(() => {
            this.backoffTimer = null;
            if (this.finished || this.endCause)
                return;
            this.restarts += 1;
            try {
                this.spawnAttempt();
            }
            catch (err) {
                this.supervisorEvent('spawn_failed', `Could not restart the agent: ${errorText(err)}`, { attempt: this.attempt });
                this.concludeFinal(spawnFailedFinal(err), null);
            }
        }, delayMs);
    }
    // ---- stopping ---------------------------------------------------------------------------
    onTimeout(which) {
        if (which === 'wall')
            this.wallTimer = null;
        if (this.finished || this.endCause)
            return;
        this.endCause = { kind: 'timeout', which };
        const message = which === 'wall'
            ? `Wall-clock limit of ${this.limits.wallTimeoutMs} ms reached`
            : `No output for ${this.limits.idleTimeoutMs} ms`;
        this.supervisorEvent(which === 'wall' ? 'wall_timeout' : 'idle_timeout', message, { pid: this.pid ?? undefined });
        this.endNow();
    }
    /** Ends the run for `endCause`: escalate a live process, or conclude right away during a backoff wait. */
    endNow() {
        if (this.proc && !this.ending) {
            this.escalate(this.proc);
            return;
        }
        if (this.backoffTimer !== null) {
            this.clearTimer('backoff');
            if (this.endCause)
                this.concludeFinal(finalForCause(this.endCause, this.limits), null);
        }
        // Otherwise an attempt is ending right now; decide() will honour endCause.
    }
    escalate(proc) {
        const pgid = proc.pid;
        if (this.escalation || pgid === null)
            return;
        this.clearTimer('idle');
        this.escalation = escalateGroup(pgid, this.limits, this.stopperDeps('Sent {signal} to process group {pgid}')).then((gone) => {
            if (!gone)
                this.deps.logger.warn({ runId: this.runId, pgid }, 'process group still present after SIGKILL');
        });
    }
    stopperDeps(template) {
        const { timers, clock, settings } = this.deps;
        return {
            timers,
            clock,
            pollMs: settings.groupPollMs,
            killWaitMs: settings.killWaitMs,
            onSignal: (signal, pgid) => this.supervisorEvent('signal_sent', template.replace('{signal}', signal).replace('{pgid}', String(pgid)), {
                pid: pgid,
                signal,
            }),
        };
    }
    // ---- conclusion -------------------------------------------------------------------------
    /** Emits the closing `result` (when the agent printed none) and `exit`, then resolves `done`. */
    concludeFinal(final, exit) {
        if (this.finished)
            return;
        if (exit)
            this.lastExit = exit;
        if (!this.lastResult || this.endCause) {
            const facts = { text: this.lastText, durationMs: this.deps.clock.now() - this.startedAt, sessionId: this.sessionId };
            this.emit(syntheticResult(final, facts));
        }
        if (exit)
            this.emit({ type: 'exit', code: exit.code, signal: exit.signal });
        this.finish(final);
    }
    finish(final) {
        if (this.finished)
            return;
        this.finished = true;
        this.clearTimer('wall');
        this.clearTimer('idle');
        this.clearTimer('backoff');
        const outcome = {
            status: final.status,
            exitCode: this.lastExit?.code ?? null,
            exitSignal: this.lastExit?.signal ?? null,
            restarts: this.restarts,
            errorCode: final.errorCode,
            errorMessage: final.errorMessage,
            sessionId: this.sessionId,
            resultText: this.lastResult?.text ?? this.lastText,
        };
        this.resolveDone(outcome);
    }
    // ---- plumbing ---------------------------------------------------------------------------
    armIdle(ms) {
        if (this.limits.idleTimeoutMs <= 0)
            return;
        this.idleTimer = this.deps.timers.setTimeout(() => {
            this.idleTimer = null;
            if (this.finished || this.endCause || this.ending || !this.proc)
                return;
            const idleFor = this.deps.clock.now() - this.lastActivity;
            if (idleFor >= this.limits.idleTimeoutMs)
                this.onTimeout('idle');
            else
                this.armIdle(this.limits.idleTimeoutMs - idleFor);
        }, ms);
    }
    clearTimer(which) {
        const key = `${which}Timer`;
        if (this[key] !== null)
            this.deps.timers.clearTimeout(this[key]);
        this[key] = null;
    }
    flushParser() {
        try {
            return this.parser?.flush?.() ?? [];
        }
        catch (err) {
            this.deps.logger.warn({ runId: this.runId, err: errorText(err) }, 'runner parser flush threw');
            return [];
        }
    }
    supervisorEvent(action, message, extra = {}) {
        this.emit({ type: 'supervisor', action, message, ...extra });
    }
    emit(event) {
        this.safely(() => this.deps.sink.event(event));
    }
    /** The sink must not throw; if it does anyway, supervision goes on. */
    safely(fn) {
        try {
            fn();
        }
        catch (err) {
            this.deps.logger.error({ runId: this.runId, err: errorText(err) }, 'run sink threw');
        }
    }
}
function truncatedText(line) {
    return `${line.text} …[truncated: line of ${line.bytes} bytes]`;
}
//# sourceMappingURL=supervised-run.js.map