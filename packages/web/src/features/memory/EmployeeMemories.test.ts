import type { MemoryView } from '@dash/shared';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import { createAppRouter } from '../../app/router';
import { errorResponse, jsonResponse, stubFetch } from '../../test-support/fake-fetch';
import { makeMemory } from '../../test-support/memory-fixtures';
import EmployeeMemories from './EmployeeMemories.vue';

interface Call {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}

let memories: MemoryView[];
let calls: Call[];
let wrapper: VueWrapper | null = null;

/** A small in-memory memory API: list (keyset pages of 2), search, get, patch, archive, delete. */
function serve(): void {
  stubFetch((url, init) => {
    const { pathname, searchParams } = new URL(url, 'http://dash.test');
    const method = init.method ?? 'GET';
    const body = init.body === undefined ? undefined : JSON.parse(String(init.body));
    calls.push({ method, path: pathname, query: searchParams, body });
    if (pathname === '/api/memory' && method === 'GET') {
      const withArchived = searchParams.get('includeArchived') === 'true';
      const all = memories.filter((m) => withArchived || m.archivedAt === null);
      // The component asks for 20 a page; the fake answers 2 at a time to exercise "Show older".
      const start = Number(searchParams.get('cursor') ?? 0);
      return jsonResponse({ items: all.slice(start, start + 2), nextCursor: start + 2 < all.length ? String(start + 2) : null });
    }
    if (pathname === '/api/memory/search') {
      const q = String((body as { query: string }).query).toLowerCase();
      const results = memories.filter((m) => m.content.toLowerCase().includes(q)).map((m, i) => ({ id: m.id, score: 0.9 - i / 10, scores: { lexical: 1, vector: 0.5, importance: 0.7, recency: 1, affinity: 1 }, memory: m }));
      return jsonResponse({ success: true, employeeId: 'emp_004', query: q, results, total: results.length });
    }
    if (pathname === '/api/memory/archive') {
      const ids = (body as { memoryIds: string[] }).memoryIds;
      memories = memories.map((m) => (ids.includes(m.id) ? { ...m, archivedAt: '2025-02-01T00:00:00.000Z' } : m));
      return jsonResponse({ success: true, archive: { archivedCount: ids.length, archivedMemories: ids, errors: [] } });
    }
    const id = pathname.replace('/api/memory/', '');
    const found = memories.find((m) => m.id === id);
    if (!found) return errorResponse(404, 'MEMORY_NOT_FOUND', `Memory ${id} not found`);
    if (method === 'GET') return jsonResponse(found);
    if (method === 'PATCH') {
      const patch = body as Partial<MemoryView>;
      if (patch.scope === 'company') return errorResponse(403, 'FORBIDDEN', 'emp_004 may not share memories with scope "company"', { fields: [{ path: 'body.scope', message: 'Not allowed for this employee' }] });
      const updated = { ...found, ...patch, updatedAt: '2025-02-01T00:00:00.000Z' };
      memories = memories.map((m) => (m.id === id ? updated : m));
      return jsonResponse(updated);
    }
    if (method === 'DELETE') {
      memories = memories.filter((m) => m.id !== id);
      return jsonResponse({ success: true, deleted: id });
    }
    return errorResponse(405, 'METHOD_NOT_ALLOWED', 'no');
  });
}

async function open(): Promise<VueWrapper> {
  const router = createAppRouter(createMemoryHistory());
  await router.push('/employees/emp_004');
  wrapper = mount(EmployeeMemories, { props: { employeeId: 'emp_004' }, global: { plugins: [router] }, attachTo: document.body });
  await vi.waitFor(async () => {
    await flushPromises();
    expect(wrapper?.text()).not.toContain('Loading memories');
  });
  return wrapper;
}

const cards = (w: VueWrapper) => w.findAll('article[data-memory]');

beforeEach(() => {
  calls = [];
  memories = [
    makeMemory({ content: 'Billing retries need jitter.', createdAt: '2025-01-03T00:00:00.000Z' }),
    makeMemory({ type: 'decision', content: 'We chose keyset pages for the task list.', importance: 8, createdAt: '2025-01-02T00:00:00.000Z' }),
    makeMemory({ type: 'knowledge', content: 'The CI cache key changes on every run.', createdAt: '2025-01-01T00:00:00.000Z' }),
    makeMemory({ content: 'An archived lesson.', archivedAt: '2025-01-05T00:00:00.000Z' }),
  ];
  serve();
});

afterEach(() => {
  wrapper?.unmount();
  wrapper = null;
  vi.unstubAllGlobals();
});

describe('EmployeeMemories', () => {
  it('lists the employee\'s memories a page at a time, archived ones on request', async () => {
    const sut = await open();
    expect(calls[0]).toMatchObject({ method: 'GET', path: '/api/memory' });
    expect(calls[0]?.query.get('employeeId')).toBe('emp_004');
    expect(cards(sut).map((c) => c.find('p').text())).toEqual(['Billing retries need jitter.', 'We chose keyset pages for the task list.']);
    expect(sut.text()).toContain('Importance 8 · important');

    await sut.get('[data-test="memory-more"]').trigger('click');
    await flushPromises();
    expect(cards(sut)).toHaveLength(3);
    expect(sut.find('[data-test="memory-more"]').exists()).toBe(false);

    await sut.get('[data-test="memory-archived"]').setValue(true);
    await flushPromises();
    expect(calls.at(-1)?.query.get('includeArchived')).toBe('true');
  });

  it('searches (hybrid, through /api/memory/search) and shows relevance, then goes back to the list', async () => {
    const sut = await open();
    await sut.get('[data-test="memory-query"]').setValue('keyset');
    await sut.get('form[role="search"]').trigger('submit');
    await flushPromises();
    expect(calls.at(-1)).toMatchObject({ method: 'POST', path: '/api/memory/search', body: { employeeId: 'emp_004', query: 'keyset', options: { topK: 20, includeArchived: false } } });
    expect(cards(sut)).toHaveLength(1);
    expect(sut.get('[data-test="score"]').text()).toBe('Relevance 0.90');
    await sut.findAll('button').find((b) => b.text() === 'Show all')!.trigger('click');
    await flushPromises();
    expect(cards(sut)).toHaveLength(2);
  });

  it('edits content, tags and importance in place, sending only what changed', async () => {
    const sut = await open();
    const target = memories[0]!;
    await cards(sut)[0]!.get('[data-test="memory-edit-open"]').trigger('click');
    await sut.get('[data-test="edit-content"]').setValue('Billing retries need full jitter.');
    await sut.get('[data-test="edit-tags"]').setValue('billing, retries');
    await sut.get('[data-test="edit-importance"]').setValue(9);
    await sut.get('[data-test="memory-edit"]').trigger('submit');
    await flushPromises();
    const patch = calls.find((c) => c.method === 'PATCH');
    expect(patch).toMatchObject({ path: `/api/memory/${target.id}`, body: { content: 'Billing retries need full jitter.', tags: ['billing', 'retries'], importance: 9 } });
    expect(patch?.query.get('employeeId')).toBe('emp_004');
    expect(sut.find('[data-test="memory-edit"]').exists()).toBe(false);
    expect(cards(sut)[0]!.text()).toContain('Billing retries need full jitter.');
    expect(cards(sut)[0]!.text()).toContain('Importance 9 · critical');
  });

  it('shows the server\'s refusal with the field at fault and keeps the form open', async () => {
    const sut = await open();
    await cards(sut)[0]!.get('[data-test="memory-edit-open"]').trigger('click');
    await sut.get('[data-test="edit-scope"]').setValue('company');
    await sut.get('[data-test="memory-edit"]').trigger('submit');
    await flushPromises();
    expect(sut.text()).toContain('may not share memories with scope "company"');
    expect(sut.text()).toContain('body.scope');
    expect(sut.find('[data-test="memory-edit"]').exists()).toBe(true);
  });

  it('archives a memory (it leaves the list) and deletes one after asking', async () => {
    const sut = await open();
    const [first, second] = memories;
    await cards(sut)[0]!.get('[data-test="memory-archive"]').trigger('click');
    await flushPromises();
    expect(calls.find((c) => c.path === '/api/memory/archive')?.body).toEqual({ employeeId: 'emp_004', memoryIds: [first!.id] });
    expect(cards(sut).map((c) => c.attributes('data-memory'))).toEqual([second!.id]);

    await cards(sut)[0]!.get('[data-test="memory-delete"]').trigger('click');
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);
    const dialog = sut.get('dialog.confirm');
    expect((dialog.element as HTMLDialogElement).open).toBe(true);
    await dialog.get('[data-test="confirm"]').trigger('click');
    await flushPromises();
    expect(calls.find((c) => c.method === 'DELETE')?.path).toBe(`/api/memory/${second!.id}`);
    expect(cards(sut)).toHaveLength(0);
  });
});
