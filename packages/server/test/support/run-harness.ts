/**
 * Real run services for integration tests: a SQLite store in a temp dir, the process supervisor
 * with the real runners (claude-code pointed at the fake agent), the run event log on a local bus.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { LocalEventBus } from '../../src/adapters/bus-local/local-event-bus.js';
import { openStore } from '../../src/adapters/store/open-store.js';
import type { RunLimits } from '../../src/ports/agent-supervisor.js';
import { systemClock } from '../../src/ports/clock.js';
import { silentLogger } from '../../src/ports/logger.js';
import { noopRunMetrics, type RunMetrics } from '../../src/ports/run-metrics.js';
import type { Store } from '../../src/ports/store.js';
import { defaultRunners } from '../../src/runners/default-runners.js';
import { ProcessSupervisor } from '../../src/runners/supervisor/index.js';
import { RunEventLog, type RunEventLogOptions } from '../../src/services/run-events/run-event-log.js';
import { RunService } from '../../src/services/runs/run-service.js';
import { WorkdirPolicy } from '../../src/services/runs/workdir-policy.js';
import { FAKE_AGENT } from '../fixtures/fake-agent/fake-agent-runner.js';
import { makeTempDir, type TempDir } from './temp-dir.js';

export const fastLimits: RunLimits = {
  wallTimeoutMs: 60_000,
  idleTimeoutMs: 30_000,
  maxRestarts: 0,
  restartBackoffMs: 100,
  maxBackoffMs: 1000,
  sigintGraceMs: 200,
  sigtermGraceMs: 200,
};

export interface RunHarness {
  dir: TempDir;
  root: string;
  store: Store;
  bus: LocalEventBus;
  eventLog: RunEventLog;
  supervisor: ProcessSupervisor;
  runService: RunService;
  /** Stops everything and removes the temp dir. */
  close(): Promise<void>;
}

/** Prompt that makes the fake agent follow `script` (see fake-agent.mjs). */
export const scripted = (task: string, script: Record<string, unknown>): string =>
  `${task}\nFAKE_AGENT_SCRIPT: ${JSON.stringify(script)}`;

export async function makeRunHarness(
  options: { eventLog?: Partial<RunEventLogOptions>; metrics?: RunMetrics; store?: Store; nodeId?: string; maxConcurrent?: number } = {},
): Promise<RunHarness> {
  const dir = await makeTempDir('dash-runs-');
  const root = join(dir.path, 'work');
  const store = options.store ?? (await openStore({ kind: 'sqlite', file: join(dir.path, 'dashboard.sqlite') }));
  const bus = new LocalEventBus();
  const metrics = options.metrics ?? noopRunMetrics;
  const eventLog = new RunEventLog(
    { repo: store.runEvents, bus, clock: systemClock, metrics, logger: silentLogger },
    options.eventLog,
  );
  const baseEnv: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir.path };
  const supervisor = new ProcessSupervisor({
    runners: defaultRunners(),
    binaryPaths: { 'claude-code': FAKE_AGENT, codex: join(dir.path, 'no-such-codex') },
    baseEnv,
    exitDrainMs: 300,
  });
  const runService = new RunService({
    runs: store.runs,
    events: eventLog,
    supervisor,
    workdirs: new WorkdirPolicy([root]),
    clock: systemClock,
    metrics,
    logger: silentLogger,
    newId: () => randomUUID(),
    nodeId: options.nodeId ?? 'test-node',
    maxConcurrent: options.maxConcurrent ?? 20,
    defaultLimits: fastLimits,
  });
  return {
    dir,
    root,
    store,
    bus,
    eventLog,
    supervisor,
    runService,
    async close() {
      await runService.drain();
      await eventLog.stop();
      await store.close();
      await dir.cleanup();
    },
  };
}
