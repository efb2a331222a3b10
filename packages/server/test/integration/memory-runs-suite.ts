/**
 * Memory in task runs, through the real dispatcher, run services and fake agent, with the real
 * memory service over the same store (run on SQLite by memory-runs-sqlite.test.ts and on
 * PostgreSQL by memory-runs-postgres.test.ts):
 *  (a) a memory stored for an employee appears in the prompt of that employee's next task (the
 *      fake agent echoes its prompt) and is recorded as used on the task; a colleague's private
 *      memory does not;
 *  (b) after a run a memory is written from its result, with the files changed from its tool-use
 *      events, once per run, typed by the rule (a failure is an experience of importance 7);
 *  (c) a memory service that does not answer, or is stopped, does not keep runs from starting:
 *      the timeline says so, the metrics count it.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Run, RunEvent, Task } from '@dash/shared';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { registryDirectory } from '../../src/app-memory.js';
import { MemoryCipher } from '../../src/adapters/memory-crypto/memory-cipher.js';
import { HashEmbeddingProvider } from '../../src/adapters/memory-embeddings/hash-embedding-provider.js';
import { KyselyMemoryRepository } from '../../src/adapters/memory-store/kysely-memory-repository.js';
import { InMemoryVectorIndex } from '../../src/adapters/memory-vector/in-memory-vector-index.js';
import { storeDatabaseOf } from '../../src/adapters/store/kysely-store.js';
import { openStore } from '../../src/adapters/store/open-store.js';
import { createMemoryRunMetrics } from '../../src/observability/memory-run-metrics-prometheus.js';
import { systemClock } from '../../src/ports/clock.js';
import { silentLogger } from '../../src/ports/logger.js';
import type { Store } from '../../src/ports/store.js';
import { MEMORY_CITE_INSTRUCTION, type RunMemoryOptions } from '../../src/services/dispatch/run-memory.js';
import { InProcessMemoryApi } from '../../src/services/memory/in-process-memory-api.js';
import { MemoryService } from '../../src/services/memory/memory-service.js';
import { fakeScript, makeCoreLoopHarness, teamMember, type CoreLoopHarness } from '../support/core-loop-harness.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres.js';

export type MemoryRunsDialect = 'sqlite' | 'postgres';

interface Setup {
  h: CoreLoopHarness;
  api: InProcessMemoryApi;
  /** The memory service (already open unless `openMemory: false`). */
  memory: MemoryService;
  metrics: Registry;
}

export function defineMemoryRunsSuite(dialect: MemoryRunsDialect): void {
  describe(`memory in task runs (${dialect})`, () => {
    let setup: Setup | null = null;
    let database: TestDatabase | null = null;

    afterEach(async () => {
      if (setup) {
        await setup.h.close();
        await setup.memory.close();
      }
      setup = null;
      await database?.drop();
      database = null;
    });

    async function start(options: { openMemory?: boolean; runMemory?: Partial<RunMemoryOptions> } = {}): Promise<Setup> {
      let store: Store | undefined;
      if (dialect === 'postgres') {
        database = await createTestDatabase();
        store = await openStore({ kind: 'postgres', url: database.url, poolSize: 5 });
      }
      const api = new InProcessMemoryApi();
      const metrics = new Registry();
      const h = await makeCoreLoopHarness({
        ...(store && { store }),
        team: [teamMember('emp_101'), teamMember('emp_102')],
        memory: { api, metrics: createMemoryRunMetrics(metrics), ...(options.runMemory && { options: options.runMemory }) },
      });
      const embeddings = new HashEmbeddingProvider();
      const memory = new MemoryService(
        {
          repository: new KyselyMemoryRepository({ ...storeDatabaseOf(h.store), cipher: new MemoryCipher(randomBytes(32)) }),
          index: new InMemoryVectorIndex(embeddings.dim),
          embeddings,
          members: registryDirectory(h.registry),
          clock: systemClock,
          logger: silentLogger,
          newId: randomUUID,
        },
        { backgroundReembed: false },
      );
      if (options.openMemory !== false) {
        await memory.open();
        api.open(memory);
      }
      setup = { h, api, memory, metrics };
      return setup;
    }

    async function eventsOf(h: CoreLoopHarness, runId: string): Promise<RunEvent[]> {
      return h.runs.eventLog.read(runId, 0, 10_000);
    }

    async function onlyRun(h: CoreLoopHarness, taskId: string): Promise<Run> {
      const runs = (await h.tasks.runs(taskId, {})).items;
      expect(runs).toHaveLength(1);
      return runs[0]!;
    }

    async function counter(registry: Registry, name: string, outcome: string): Promise<number> {
      const metric = (await registry.getMetricsAsJSON()).find((m) => m.name === name);
      const value = (metric?.values as Array<{ labels: Record<string, string>; value: number }> | undefined)?.find((v) => v.labels.outcome === outcome);
      return value?.value ?? 0;
    }

    it('(a) puts the employee\'s relevant memories in the prompt of their next task and records them as used', async () => {
      const { h, api } = await start();
      const own = await api.store({
        type: 'knowledge',
        employeeId: 'emp_101',
        content: 'Billing webhooks are retried with exponential backoff; always send the Idempotency-Key header.',
        metadata: { tags: ['billing'] },
      });
      const colleague = await api.store({
        type: 'knowledge',
        employeeId: 'emp_102',
        content: 'Billing webhooks private note of emp_102: the retry queue is called billing-retries.',
      });

      const task = await h.tasks.create(
        {
          title: 'Fix billing webhook retries',
          description: fakeScript('Webhook retries in billing send duplicate charges.', { steps: [{ echoPrompt: true }, { text: 'Done.' }] }),
          assignee: 'emp_101',
        },
        'api',
      );
      await h.waitForTask(task.id, (t) => t.status === 'completed');
      await h.dispatcher.idle();
      const run = await onlyRun(h, task.id);

      const prompt = (await eventsOf(h, run.id)).flatMap((e) => (e.event.type === 'assistant.text' && e.event.text.startsWith('prompt: ') ? [e.event.text] : []))[0];
      expect(prompt, 'the fake agent echoed its prompt').toBeDefined();
      // The task first, then the memories, each cited by id, and the instruction to cite them.
      expect(prompt!.indexOf('Fix billing webhook retries')).toBeLessThan(prompt!.indexOf(`[${own.memoryId}]`));
      expect(prompt).toContain(`[${own.memoryId}] (knowledge, `);
      expect(prompt).toContain('always send the Idempotency-Key header.');
      expect(prompt).toContain(MEMORY_CITE_INSTRUCTION);
      expect(prompt).not.toContain(colleague.memoryId);

      const memories = await h.runMemory!.forTask(task.id);
      expect(memories.used).toEqual([
        expect.objectContaining({ runId: run.id, memoryId: own.memoryId, employeeId: 'emp_101', ownerId: 'emp_101', memoryType: 'knowledge', rank: 1, truncated: false }),
      ]);
      expect(memories.used[0]!.relevance).toBeGreaterThan(0);
      expect(memories.used[0]!.tokens).toBeGreaterThan(0);

      const running = (await h.tasks.timeline(task.id)).find((e) => e.to === 'running');
      expect(running?.data).toMatchObject({ runId: run.id, memory: { used: 1, ids: [own.memoryId] } });
      expect(await counter(setup!.metrics, 'dashboard_memory_recall_total', 'used')).toBe(1);
    });

    it('(b) writes one memory per run with the files its tool calls changed, typed by the rule', async () => {
      const { h, memory } = await start();
      const script = {
        steps: [
          { tool: { name: 'Write', input: { file_path: 'src/billing/retry.ts', content: 'export {}' }, output: 'ok' } },
          { tool: { name: 'Edit', input: { file_path: 'src/billing/retry.test.ts', old_string: 'a', new_string: 'b' }, output: 'ok' } },
          { tool: { name: 'Edit', input: { file_path: 'src/broken.ts', old_string: 'x', new_string: 'y' }, output: 'no match', isError: true } },
          { tool: { name: 'Read', input: { file_path: 'README.md' }, output: '# readme' } },
          { text: 'Implemented retries with jitter.' },
        ],
      };
      const task = await h.tasks.create(
        { title: 'Add retry jitter', description: fakeScript('Add jitter to billing retries.', script), assignee: 'emp_101', labels: ['billing'], requiredSkills: ['backend_development'] },
        'api',
      );
      await h.waitForTask(task.id, (t) => t.status === 'completed');
      await h.dispatcher.idle();
      const run = await onlyRun(h, task.id);

      const { written } = await h.runMemory!.forTask(task.id);
      expect(written).toEqual([
        expect.objectContaining({
          runId: run.id,
          employeeId: 'emp_101',
          status: 'written',
          memoryType: 'experience',
          importance: 5,
          filesChanged: ['src/billing/retry.ts', 'src/billing/retry.test.ts'],
          errorCode: null,
        }),
      ]);
      const stored = await memory.get('emp_101', written[0]!.memoryId!);
      expect(stored).toMatchObject({
        employeeId: 'emp_101',
        type: 'experience',
        scope: 'private',
        importance: 5,
        source: { runId: run.id, taskId: task.id },
        context: { taskId: task.id, runId: run.id, outcome: 'succeeded', exitCode: 0, filesChanged: ['src/billing/retry.ts', 'src/billing/retry.test.ts'] },
      });
      expect(stored.tags).toEqual(['task-run', 'succeeded', 'billing', 'backend_development']);
      expect(stored.content).toContain('Task: Add retry jitter — Add jitter to billing retries.');
      expect(stored.content).toContain('Outcome: succeeded (exit 0)');
      expect(stored.content).toContain('Result: Implemented retries with jitter.');
      expect(stored.content).toContain('Files changed: src/billing/retry.ts, src/billing/retry.test.ts');

      // Settled again (a re-delivered job, start-up recovery): the run does not write twice.
      const finished = await h.tasks.get(task.id);
      await h.runMemory!.remember(finished, run);
      expect((await h.runMemory!.forTask(task.id)).written).toHaveLength(1);
      expect((await memory.list({ employeeId: 'emp_101', includeArchived: false, limit: 50 })).items).toHaveLength(1);
      expect(await counter(setup!.metrics, 'dashboard_memory_run_writes_total', 'duplicate')).toBe(1);

      // A failure is an experience worth more than routine work; the next task recalls it.
      const failing = await h.tasks.create(
        { title: 'Migrate the billing schema', description: fakeScript('x', { steps: [{ text: 'Starting' }, { crash: { code: 3 } }] }), assignee: 'emp_101', maxRetries: 0 },
        'api',
      );
      await h.waitForTask(failing.id, (t: Task) => t.status === 'failed');
      await h.dispatcher.idle();
      const failedWrite = (await h.runMemory!.forTask(failing.id)).written[0];
      expect(failedWrite).toMatchObject({ status: 'written', memoryType: 'experience', importance: 7, filesChanged: [] });
      const failedMemory = await memory.get('emp_101', failedWrite!.memoryId!);
      expect(failedMemory.content).toMatch(/Outcome: failed with AGENT_CRASHED \(exit 3\)/);
      expect(failedMemory.tags.slice(0, 2)).toEqual(['task-run', 'failed']);
    });

    it('(c) starts runs when the memory service does not answer, and notes it on the timeline', async () => {
      // Never opened: every call waits, so the recall and the write time out.
      const { h, metrics } = await start({ openMemory: false, runMemory: { recallTimeoutMs: 200, writeTimeoutMs: 200 } });
      const task = await h.tasks.create({ title: 'Works without memory', description: fakeScript('x', { steps: [{ text: 'ok' }] }), assignee: 'emp_101' }, 'api');
      await h.waitForTask(task.id, (t) => t.status === 'completed');
      await h.dispatcher.idle();
      const running = (await h.tasks.timeline(task.id)).find((e) => e.to === 'running');
      expect(running?.data).toMatchObject({ memory: { error: 'MEMORY_UNAVAILABLE' } });
      const memories = await h.runMemory!.forTask(task.id);
      expect(memories.used).toEqual([]);
      expect(memories.written).toEqual([expect.objectContaining({ status: 'failed', errorCode: 'MEMORY_UNAVAILABLE', memoryId: null })]);
      expect(await counter(metrics, 'dashboard_memory_recall_total', 'failed')).toBe(1);
      expect(await counter(metrics, 'dashboard_memory_run_writes_total', 'failed')).toBe(1);

      // Within the cool-down the service is not asked again: the next run starts at once.
      const next = await h.tasks.create({ title: 'Also without memory', description: fakeScript('x', { steps: [{ text: 'ok' }] }), assignee: 'emp_101' }, 'api');
      await h.waitForTask(next.id, (t) => t.status === 'completed');
      expect((await h.tasks.timeline(next.id)).find((e) => e.to === 'running')?.data).toMatchObject({ memory: { skipped: 'MEMORY_UNAVAILABLE' } });
      expect(await counter(metrics, 'dashboard_memory_recall_total', 'skipped')).toBe(1);
    });

    it('(c) starts runs when the memory service has stopped', async () => {
      const { h, api } = await start();
      api.close();
      const task = await h.tasks.create({ title: 'Memory is down', description: fakeScript('x', { steps: [{ text: 'ok' }] }), assignee: 'emp_102' }, 'api');
      await h.waitForTask(task.id, (t) => t.status === 'completed');
      await h.dispatcher.idle();
      const running = (await h.tasks.timeline(task.id)).find((e) => e.to === 'running');
      expect(running?.data).toMatchObject({ memory: { error: 'MEMORY_UNAVAILABLE', message: 'The memory service is stopped' } });
      expect((await h.runMemory!.forTask(task.id)).written).toEqual([expect.objectContaining({ status: 'failed', errorCode: 'MEMORY_UNAVAILABLE' })]);
    });
  });
}
