/**
 * The AgentSupervisor: checks that a run can start (known runtime, installed binary, existing
 * working directory) before anything is spawned, then hands each run to a SupervisedRun and keeps
 * it until it has ended. Also answers resource samples, runtime detection and orphan kills.
 */
import { statSync } from 'node:fs';
import { AppError } from '../../domain/app-error.js';
import { systemClock } from '../../ports/clock.js';
import { silentLogger } from '../../ports/logger.js';
import { killOrphanGroup } from './orphan-killer.js';
import { ProcessSampler } from './process-sampler.js';
import { resolveExecutable } from './resolve-executable.js';
import { RuntimeDetector } from './runtime-detector.js';
import { SupervisedRun } from './supervised-run.js';
import { settingsFrom, systemTimers, } from './supervisor-options.js';
export class ProcessSupervisor {
    runners = new Map();
    runs = new Map();
    binaryPaths;
    baseEnv;
    clock;
    timers;
    logger;
    settings;
    detector;
    sampler = new ProcessSampler();
    constructor(options) {
        for (const runner of options.runners)
            this.runners.set(runner.runtime, runner);
        this.binaryPaths = options.binaryPaths ?? {};
        this.baseEnv = options.baseEnv;
        this.clock = options.clock ?? systemClock;
        this.timers = options.timers ?? systemTimers;
        this.logger = options.logger ?? silentLogger;
        this.settings = settingsFrom(options);
        this.detector = new RuntimeDetector({
            runners: options.runners,
            binaryPaths: this.binaryPaths,
            baseEnv: this.baseEnv,
            clock: this.clock,
            cacheMs: options.detectCacheMs ?? 30_000,
            timeoutMs: options.versionTimeoutMs ?? 5000,
        });
    }
    start(spec, sink) {
        if (this.runs.has(spec.runId)) {
            throw new AppError('CONFLICT', { message: `Run ${spec.runId} is already running`, details: { runId: spec.runId } });
        }
        const runner = this.runners.get(spec.runtime);
        if (!runner) {
            throw new AppError('RUNTIME_UNKNOWN', { message: `No runner for runtime ${spec.runtime}`, details: { runtime: spec.runtime } });
        }
        const binaryPath = this.resolveBinary(runner, spec);
        assertDirectory(spec.cwd);
        const invocation = runner.buildInvocation(spec, binaryPath, this.baseEnv);
        // Orphan recovery recognises a run's processes by this variable (see killOrphan).
        invocation.env = { ...invocation.env, DASH_RUN_ID: invocation.env.DASH_RUN_ID ?? spec.runId };
        const run = new SupervisedRun({
            spec,
            sink,
            runner,
            invocation,
            settings: this.settings,
            timers: this.timers,
            clock: this.clock,
            logger: this.logger,
        });
        run.begin();
        this.runs.set(spec.runId, run);
        void run.done.then(() => {
            if (this.runs.get(spec.runId) === run)
                this.runs.delete(spec.runId);
        });
        return run;
    }
    get(runId) {
        return this.runs.get(runId);
    }
    activeCount() {
        let live = 0;
        for (const run of this.runs.values())
            if (run.pid !== null)
                live += 1;
        return live;
    }
    sample() {
        const live = [...this.runs.values()].flatMap((run) => (run.pid === null ? [] : [{ runId: run.runId, pid: run.pid }]));
        return this.sampler.sample(live);
    }
    detectRuntimes() {
        return this.detector.detect();
    }
    killOrphan(runId, pid) {
        if (this.runs.has(runId))
            return Promise.resolve(false); // ours and alive: not an orphan
        return killOrphanGroup(runId, pid, {
            graceMs: this.settings.killWaitMs,
            pollMs: this.settings.groupPollMs,
            logger: this.logger,
        });
    }
    async stopAll(reason) {
        await Promise.all([...this.runs.values()].map((run) => run.stop(reason)));
    }
    resolveBinary(runner, spec) {
        const name = runner.executableFor?.(spec) ?? this.binaryPaths[spec.runtime] ?? runner.binary;
        const resolved = resolveExecutable(name, this.baseEnv.PATH);
        if (!('problem' in resolved))
            return resolved.path;
        if (resolved.problem === 'not_executable') {
            throw new AppError('AGENT_SPAWN_FAILED', {
                message: `${resolved.path ?? name} is not executable`,
                details: { runtime: spec.runtime, binary: name, reason: 'not_executable' },
            });
        }
        throw new AppError('RUNTIME_NOT_INSTALLED', {
            message: `${name} was not found${name.includes('/') ? '' : ' on PATH'}`,
            details: { runtime: spec.runtime, binary: name },
        });
    }
}
function assertDirectory(cwd) {
    let ok = false;
    try {
        ok = statSync(cwd).isDirectory();
    }
    catch {
        ok = false;
    }
    if (!ok) {
        throw new AppError('AGENT_SPAWN_FAILED', {
            message: `The working directory ${cwd} does not exist`,
            details: { cwd, reason: 'cwd_missing' },
        });
    }
}
//# sourceMappingURL=process-supervisor.js.map