/**
 * The AgentSupervisor: checks that a run can start (known runtime, installed binary, existing
 * working directory) before anything is spawned, then hands each run to a SupervisedRun and keeps
 * it until it has ended. Also answers resource samples, runtime detection and orphan kills.
 */
import { statSync } from 'node:fs';
import type { RuntimeId } from '@dash/shared';
import { AppError } from '../../domain/app-error.js';
import type {
  AgentSupervisor,
  ProcessSample,
  RunHandle,
  RunSink,
  RunSpec,
  RuntimeInfo,
  StopReason,
} from '../../ports/agent-supervisor.js';
import { systemClock, type Clock } from '../../ports/clock.js';
import { silentLogger, type Logger } from '../../ports/logger.js';
import type { AgentRunner } from '../agent-runner.js';
import { killOrphanGroup } from './orphan-killer.js';
import { ProcessSampler } from './process-sampler.js';
import { resolveExecutable } from './resolve-executable.js';
import { RuntimeDetector } from './runtime-detector.js';
import { SupervisedRun } from './supervised-run.js';
import {
  settingsFrom,
  systemTimers,
  type ProcessSupervisorOptions,
  type SupervisorSettings,
  type Timers,
} from './supervisor-options.js';

export class ProcessSupervisor implements AgentSupervisor {
  private readonly runners = new Map<RuntimeId, AgentRunner>();
  private readonly runs = new Map<string, SupervisedRun>();
  private readonly binaryPaths: Partial<Record<RuntimeId, string>>;
  private readonly baseEnv: Record<string, string>;
  private readonly clock: Clock;
  private readonly timers: Timers;
  private readonly logger: Logger;
  private readonly settings: SupervisorSettings;
  private readonly detector: RuntimeDetector;
  private readonly sampler = new ProcessSampler();

  constructor(options: ProcessSupervisorOptions) {
    for (const runner of options.runners) this.runners.set(runner.runtime, runner);
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

  start(spec: RunSpec, sink: RunSink): RunHandle {
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
      if (this.runs.get(spec.runId) === run) this.runs.delete(spec.runId);
    });
    return run;
  }

  get(runId: string): RunHandle | undefined {
    return this.runs.get(runId);
  }

  activeCount(): number {
    let live = 0;
    for (const run of this.runs.values()) if (run.pid !== null) live += 1;
    return live;
  }

  sample(): Promise<ProcessSample[]> {
    const live = [...this.runs.values()].flatMap((run) => (run.pid === null ? [] : [{ runId: run.runId, pid: run.pid }]));
    return this.sampler.sample(live);
  }

  detectRuntimes(): Promise<RuntimeInfo[]> {
    return this.detector.detect();
  }

  killOrphan(runId: string, pid: number): Promise<boolean> {
    if (this.runs.has(runId)) return Promise.resolve(false); // ours and alive: not an orphan
    return killOrphanGroup(runId, pid, {
      graceMs: this.settings.killWaitMs,
      pollMs: this.settings.groupPollMs,
      logger: this.logger,
    });
  }

  async stopAll(reason: StopReason): Promise<void> {
    await Promise.all([...this.runs.values()].map((run) => run.stop(reason)));
  }

  private resolveBinary(runner: AgentRunner, spec: RunSpec): string {
    const name = runner.executableFor?.(spec) ?? this.binaryPaths[spec.runtime] ?? runner.binary;
    const resolved = resolveExecutable(name, this.baseEnv.PATH);
    if (!('problem' in resolved)) return resolved.path;
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

function assertDirectory(cwd: string): void {
  let ok = false;
  try {
    ok = statSync(cwd).isDirectory();
  } catch {
    ok = false;
  }
  if (!ok) {
    throw new AppError('AGENT_SPAWN_FAILED', {
      message: `The working directory ${cwd} does not exist`,
      details: { cwd, reason: 'cwd_missing' },
    });
  }
}
