import type { TaskMemories as Record_ } from '@dash/shared';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import { createAppRouter } from '../../app/router';
import { errorResponse, jsonResponse, stubFetch } from '../../test-support/fake-fetch';
import { makeMemory, makeUse, makeWrite, memoryId } from '../../test-support/memory-fixtures';
import TaskMemories from './TaskMemories.vue';

let record: Record_;
let reads: string[];
let wrapper: VueWrapper | null = null;
const used = makeMemory({ id: memoryId(101), type: 'knowledge', content: 'Webhooks must send the Idempotency-Key header.' });
const shared = makeMemory({ id: memoryId(102), employeeId: 'emp_009', scope: 'company', content: 'Company rule: no secrets in logs.' });
const written = makeMemory({ id: memoryId(103), content: 'Task: Fix webhook retries\nOutcome: succeeded (exit 0)' });
const deleted = memoryId(104);

beforeEach(() => {
  reads = [];
  record = {
    taskId: 'task-1',
    used: [
      makeUse({ runId: 'run-0000001', memoryId: used.id, relevance: 0.8123, rank: 1 }),
      makeUse({ runId: 'run-0000001', memoryId: shared.id, ownerId: 'emp_009', memoryType: 'decision', relevance: 0.41, rank: 2, truncated: true }),
      makeUse({ runId: 'run-0000001', memoryId: deleted, relevance: 0.2, rank: 3 }),
    ],
    written: [makeWrite({ runId: 'run-0000001', memoryId: written.id, filesChanged: ['src/billing/retry.ts', 'src/billing/retry.test.ts'] })],
  };
  stubFetch((url) => {
    const { pathname, searchParams } = new URL(url, 'http://dash.test');
    if (pathname === '/api/tasks/task-1/memories') return jsonResponse(record);
    const memory = [used, shared, written].find((m) => pathname === `/api/memory/${m.id}`);
    reads.push(`${pathname}?as=${searchParams.get('employeeId')}`);
    return memory ? jsonResponse(memory) : errorResponse(404, 'MEMORY_NOT_FOUND', 'Memory not found');
  });
});

afterEach(() => {
  wrapper?.unmount();
  wrapper = null;
  vi.unstubAllGlobals();
});

async function open(): Promise<VueWrapper> {
  const router = createAppRouter(createMemoryHistory());
  await router.push('/tasks/task-1');
  const names: Record<string, string> = { emp_004: 'Sam', emp_009: 'Quinn' };
  wrapper = mount(TaskMemories, {
    props: { trigger: { taskId: 'task-1', version: 3, endedRunId: 'run-0000001' }, employeeName: (id: string) => names[id] ?? id },
    global: { plugins: [router] },
  });
  await vi.waitFor(async () => {
    await flushPromises();
    expect(wrapper?.text()).not.toContain('Loading memories');
  });
  return wrapper;
}

describe('TaskMemories', () => {
  it('shows the memories used with relevance, linking to each, and the memory written with its files', async () => {
    const sut = await open();
    const usedList = sut.get('[data-test="memories-used"]');
    expect(usedList.findAll('[data-test="relevance"]').map((r) => r.text())).toEqual(['relevance 0.81', 'relevance 0.41', 'relevance 0.20']);
    expect(usedList.text()).toContain('Webhooks must send the Idempotency-Key header.');
    expect(usedList.text()).toContain('shared by Quinn');
    expect(usedList.text()).toContain('(shortened to fit)');
    expect(usedList.text()).toContain('No longer available');
    // Each memory is read as the employee who used it, and links there too.
    expect(reads).toContain(`/api/memory/${shared.id}?as=emp_004`);
    expect(usedList.find(`a[href="/memory/${used.id}?employee=emp_004"]`).exists()).toBe(true);

    const writtenList = sut.get('[data-test="memories-written"]');
    expect(writtenList.text()).toContain('Experience, importance 5');
    expect(writtenList.text()).toContain('Task: Fix webhook retries');
    expect(writtenList.findAll('code.file').map((c) => c.text())).toEqual(['src/billing/retry.ts', 'src/billing/retry.test.ts']);
    expect(writtenList.find(`a[href="/memory/${written.id}?employee=emp_004"]`).exists()).toBe(true);
  });

  it('says why no memory was written when the memory service failed', async () => {
    record = { taskId: 'task-1', used: [], written: [makeWrite({ runId: 'run-0000001', status: 'failed', memoryId: null, memoryType: null, importance: null, errorCode: 'MEMORY_UNAVAILABLE', filesChanged: [] })] };
    const sut = await open();
    expect(sut.get('[data-test="memories-used"]').text()).toContain('None');
    expect(sut.get('[data-test="memories-written"]').text()).toContain('Not written: MEMORY_UNAVAILABLE');
  });
});
