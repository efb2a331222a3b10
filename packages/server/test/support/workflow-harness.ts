/**
 * The workflow services wired for integration tests the way app-workflows.ts wires them, on top
 * of the core-loop harness (real run services, the fake agent as `claude`, the dispatcher with the
 * workflow handoff in its prompts): the template registry over the private registry copy's
 * `workflows/` directory (tests may write their own templates there), the Kysely workflow
 * repository on the same store, the engine and the service. `restartEngine()` stops the engine
 * and builds a new one on the same store, like a server restart does.
 */
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EmployeeInput, EmployeeRole, RunEvent, WorkflowRun, WorkflowTemplateFileInput } from '@dash/shared';
import { employeeRoleIds } from '@dash/shared';
import { KyselyWorkflowRepository } from '../../src/adapters/store/kysely-workflow-repository.js';
import { storeDatabaseOf } from '../../src/adapters/store/kysely-store.js';
import { FileWorkflowTemplateSource } from '../../src/adapters/workflow-templates-file/file-template-source.js';
import { systemClock } from '../../src/ports/clock.js';
import { silentLogger } from '../../src/ports/logger.js';
import type { Store } from '../../src/ports/store.js';
import { WorkflowTemplateRegistry } from '../../src/services/workflows/template-registry.js';
import { createWorkflowServices, type WorkflowServices } from '../../src/services/workflows/workflow-services.js';
import { makeCoreLoopHarness, teamMember, type CoreLoopHarness, type CoreLoopHarnessOptions } from './core-loop-harness.js';

const PROMPT_FILES: Record<EmployeeRole, string> = {
  project_manager: 'project-manager.md',
  technical_lead: 'technical-lead.md',
  qa_director: 'qa-director.md',
  senior_developer: 'senior-developer.md',
  junior_developer: 'junior-developer.md',
  qa_engineer: 'qa-engineer.md',
  test_engineer: 'test-engineer.md',
  devops_engineer: 'devops-engineer.md',
  site_reliability_engineer: 'site-reliability-engineer.md',
  security_engineer: 'security-engineer.md',
  technical_writer: 'technical-writer.md',
  ui_ux_designer: 'ui-ux-designer.md',
  build_engineer: 'build-engineer.md',
};

/** One employee per role on the fake agent (emp_301 … emp_313), `slots` each. */
export function roleTeam(roles: readonly EmployeeRole[] = employeeRoleIds, slots = 1): EmployeeInput[] {
  return roles.map((role, i) =>
    teamMember(`emp_${301 + i}`, { name: `${role} ${301 + i}`, role, promptFile: PROMPT_FILES[role], maxConcurrentTasks: slots }),
  );
}

export interface WorkflowHarness {
  core: CoreLoopHarness;
  repo: KyselyWorkflowRepository;
  templates: WorkflowTemplateRegistry;
  services(): WorkflowServices;
  templatesDir: string;
  writeTemplate(fileName: string, template: WorkflowTemplateFileInput | string): Promise<void>;
  /** Stops the engine and starts a new one (new services) on the same store. */
  restartEngine(): Promise<WorkflowServices>;
  /** Polls the run until `predicate` holds, or throws with its state. */
  waitForRun(id: string, predicate: (run: WorkflowRun) => boolean, timeoutMs?: number): Promise<WorkflowRun>;
  /** Every event of a run, in order. */
  events(runId: string): Promise<RunEvent[]>;
  /** The prompt a run was started with (its first `user.message` event). */
  promptOf(runId: string): Promise<string>;
  close(): Promise<void>;
}

export interface WorkflowHarnessOptions {
  team?: EmployeeInput[];
  maxConcurrent?: number;
  /** The store to run on (closed with the harness); default a fresh SQLite file. */
  store?: Store;
  /** Runs after everything is closed (drop a PostgreSQL database). */
  afterClose?: () => Promise<void>;
  /** The dispatchers' budget gate (CoreLoopHarnessOptions.gate); absent = no gate. */
  gate?: CoreLoopHarnessOptions['gate'];
}

export async function makeWorkflowHarness(options: WorkflowHarnessOptions = {}): Promise<WorkflowHarness> {
  let current: WorkflowServices | null = null;
  const core = await makeCoreLoopHarness({
    team: options.team ?? roleTeam(),
    maxConcurrent: options.maxConcurrent ?? 6,
    ...(options.store && { store: options.store }),
    ...(options.gate && { gate: options.gate }),
    promptContext: (task) => current?.prompts.forTask(task) ?? Promise.resolve(null),
  });
  const templatesDir = join(core.registryFixture.path, 'workflows');
  const templates = new WorkflowTemplateRegistry({
    source: new FileWorkflowTemplateSource({ dir: templatesDir, debounceMs: 50 }),
    clock: systemClock,
    logger: silentLogger,
    watch: false,
  });
  await templates.start();
  const { db } = storeDatabaseOf(core.store);
  const repo = new KyselyWorkflowRepository(db, systemClock);
  const build = (): WorkflowServices =>
    createWorkflowServices({
      repo,
      templates,
      taskReads: core.taskRepo,
      taskOps: core.tasks,
      runs: core.store.runs,
      readEvents: (runId, afterSeq, limit) => core.runs.eventLog.read(runId, afterSeq, limit),
      employees: () => core.registry.list(),
      bus: core.bus,
      clock: systemClock,
      logger: silentLogger,
      newId: randomUUID,
      sweepMs: 500,
    });
  current = build();
  await current.engine.start();

  const events = async (runId: string): Promise<RunEvent[]> => {
    const all: RunEvent[] = [];
    for (;;) {
      const page = await core.runs.eventLog.read(runId, all.at(-1)?.seq ?? 0, 1000);
      all.push(...page);
      if (page.length < 1000) return all;
    }
  };

  return {
    core,
    repo,
    templates,
    templatesDir,
    services: () => current ?? (() => { throw new Error('no engine'); })(),
    writeTemplate: (fileName, template) =>
      writeFile(join(templatesDir, fileName), typeof template === 'string' ? template : `${JSON.stringify(template, null, 2)}\n`),
    async restartEngine() {
      await current?.engine.stop();
      current = build();
      await current.engine.start();
      return current;
    },
    async waitForRun(id, predicate, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const run = await (current as WorkflowServices).service.get(id);
        if (predicate(run)) return run;
        if (Date.now() > deadline) {
          const steps = run.steps.map((s) => `${s.key}:${s.status}[${s.tasks.map((t) => t.status).join(',')}]`).join(' ');
          throw new Error(`workflow run ${id} is still ${run.status} (${run.errorMessage ?? ''}) ${steps}`);
        }
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    events,
    async promptOf(runId) {
      const first = (await events(runId)).find((e) => e.event.type === 'user.message');
      if (!first || first.event.type !== 'user.message') throw new Error(`run ${runId} has no prompt event`);
      return first.event.text;
    },
    async close() {
      await current?.engine.stop();
      await templates.stop();
      await core.close();
      await options.afterClose?.();
    },
  };
}
