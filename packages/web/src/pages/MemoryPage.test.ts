import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, RouterView } from 'vue-router';
import { createAppRouter } from '../app/router';
import { jsonResponse, stubFetch } from '../test-support/fake-fetch';
import { makeMemory, makeMemoryStats, memoryId } from '../test-support/memory-fixtures';

let searches: Array<{ employeeId: string; query: string; options: Record<string, unknown> }>;
let wrapper: VueWrapper | null = null;
let empty = false;

const ownA = makeMemory({ id: memoryId(201), employeeId: 'emp_004', content: 'Retries need jitter.' });
const ownB = makeMemory({ id: memoryId(202), employeeId: 'emp_005', scope: 'company', content: 'Retry budgets are per client.' });

beforeAll(() => import('./MemoryPage.vue'), 30_000);

beforeEach(() => {
  searches = [];
  empty = false;
  stubFetch((url, init) => {
    const { pathname } = new URL(url, 'http://dash.test');
    if (pathname === '/api/skills') return jsonResponse({ items: [], categories: [] });
    if (pathname === '/api/employees') {
      return jsonResponse({
        items: [
          { id: 'emp_004', name: 'Sam', roleLabel: 'Senior Developer', department: 'development', status: 'active' },
          { id: 'emp_005', name: 'Kim', roleLabel: 'Developer', department: 'development', status: 'active' },
        ],
      });
    }
    if (pathname === '/api/memory/stats') {
      return jsonResponse({
        success: true,
        statistics: empty
          ? [makeMemoryStats({ totalMemories: 0, archivedMemories: 0 })]
          : [makeMemoryStats(), makeMemoryStats({ employeeId: 'emp_005', totalMemories: 1, archivedMemories: 0 })],
        totals: { totalMemories: empty ? 0 : 4, archivedMemories: empty ? 0 : 1, pendingEmbeddings: 0, embeddingProvider: 'hash', embeddingDim: 512, vectorIndex: 'sqlite-vec' },
      });
    }
    if (pathname === '/api/memory/search') {
      const body = JSON.parse(String(init.body)) as (typeof searches)[number];
      searches.push(body);
      // emp_004 reads emp_005's company memory too; the page keeps it only from its owner's search.
      const hits = body.employeeId === 'emp_004' ? [{ m: ownB, s: 0.95 }, { m: ownA, s: 0.6 }] : [{ m: ownB, s: 0.8 }];
      const results = hits.map(({ m, s }) => ({ id: m.id, score: s, scores: { lexical: 1, vector: 1, importance: 1, recency: 1, affinity: 0 }, memory: m }));
      return jsonResponse({ success: true, employeeId: body.employeeId, query: body.query, results, total: results.length });
    }
    return jsonResponse({}, 404);
  });
});

afterEach(() => {
  wrapper?.unmount();
  wrapper = null;
  vi.unstubAllGlobals();
});

async function open(): Promise<VueWrapper> {
  const router = createAppRouter(createMemoryHistory());
  await router.push('/memory');
  wrapper = mount(RouterView, { global: { plugins: [createPinia(), router] }, attachTo: document.body });
  await vi.waitFor(async () => {
    await flushPromises();
    expect(wrapper?.text()).not.toContain('Loading figures');
  });
  await flushPromises();
  return wrapper;
}

describe('Memory page', () => {
  it('shows the company figures per employee', async () => {
    const sut = await open();
    expect(sut.get('[data-test="total-memories"]').text()).toBe('4');
    const rows = sut.findAll('[data-test="memory-stats"] tbody tr').map((r) => r.findAll('th, td').map((c) => c.text()));
    expect(rows).toEqual([
      ['Sam', '3', '2', '1', '0', '1', '1'],
      ['Kim', '1', '2', '1', '0', '1', '0'],
    ]);
    expect(sut.text()).toContain('hash · 512-d · sqlite-vec');
  });

  it('searches every employee\'s own memories and lists each memory once, best first', async () => {
    const sut = await open();
    await sut.get('[data-test="company-query"]').setValue('retry');
    await sut.get('#company-type').setValue('experience');
    await sut.get('form[role="search"]').trigger('submit');
    await flushPromises();
    expect(searches.map((s) => s.employeeId).sort()).toEqual(['emp_004', 'emp_005']);
    expect(searches[0]?.options).toMatchObject({ topK: 10, memoryTypes: ['experience'] });
    expect(sut.get('[data-test="company-hits"]').text()).toBe('2 memories, most relevant first.');
    const results = sut.findAll('article[data-memory]');
    expect(results.map((r) => r.attributes('data-memory'))).toEqual([ownB.id, ownA.id]);
    expect(results[0]?.text()).toContain('by Kim');
    expect(results[0]?.get('[data-test="score"]').text()).toBe('Relevance 0.80');
    expect(results[0]?.find(`a[href="/memory/${ownB.id}?employee=emp_005"]`).exists()).toBe(true);
  });

  it('says when nothing is stored yet', async () => {
    empty = true;
    const sut = await open();
    expect(sut.text()).toContain('No memories stored yet.');
  });
});
