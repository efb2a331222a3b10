import type { TaskWorkspace, WorkspaceDiff } from '@dash/shared';
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { errorResponse, jsonResponse, stubFetch } from '../../test-support/fake-fetch';
import WorkspacePanel from './WorkspacePanel.vue';

const ws = (over: Partial<TaskWorkspace> = {}): TaskWorkspace => ({
  taskId: 't1',
  repo: 'demo',
  base: 'main',
  baseCommit: 'aaaa',
  branch: 'task/t1',
  path: '/data/workspaces/worktrees/t1',
  status: 'ready',
  setupCommand: null,
  copyFiles: [],
  setupOutput: null,
  setupExitCode: null,
  headCommit: 'aaaa',
  mergedCommit: null,
  createdAt: '2025-01-01T10:00:00.000Z',
  updatedAt: '2025-01-01T10:00:00.000Z',
  ...over,
});

const diffPage = (page: number): WorkspaceDiff => ({
  taskId: 't1',
  baseCommit: 'aaaa',
  page,
  pageCount: 2,
  totalFiles: 21,
  files: Array.from({ length: 21 }, (_, i) => ({ path: `f${i}.txt`, status: '?', additions: null, deletions: null })),
  patches: page === 1 ? [{ path: 'f0.txt', patch: '+zero', truncated: false }] : [{ path: 'f20.txt', patch: '+twenty', truncated: false }],
});

let calls: Array<{ url: string; method: string; body: unknown }> = [];

beforeEach(() => {
  calls = [];
});
afterEach(() => vi.unstubAllGlobals());

function serve(workspace: TaskWorkspace | null): void {
  stubFetch((url, init) => {
    calls.push({ url, method: init.method ?? 'GET', body: init.body === undefined ? undefined : JSON.parse(String(init.body)) });
    // A task without a workspace answers 200 null (not a 404, which a browser logs as an error).
    if (url === '/api/tasks/t1/workspace') return jsonResponse(workspace);
    const page = /diff\?page=(\d+)/.exec(url);
    if (page) return jsonResponse(diffPage(Number(page[1])));
    if (url === '/api/tasks/t1/workspace/merge') return jsonResponse(ws({ status: 'merged', path: null, mergedCommit: 'bbbbbbbbbbbb' }));
    if (url === '/api/tasks/t1/workspace/commit') return errorResponse(409, 'WORKSPACE_NOTHING_TO_COMMIT', 'The workspace has no changes to commit');
    return errorResponse(404, 'ROUTE_NOT_FOUND', 'No such route');
  });
}

describe('WorkspacePanel', () => {
  it('renders nothing for a task without a workspace', async () => {
    serve(null);
    const sut = mount(WorkspacePanel, { props: { taskId: 't1' } });
    await flushPromises();
    expect(sut.find('[data-test="workspace-panel"]').exists()).toBe(false);
    expect(sut.find('[data-test="workspace-none"]').exists()).toBe(true);
  });

  it('loads the diff only when asked, pages it, and merges', async () => {
    serve(ws());
    const sut = mount(WorkspacePanel, { props: { taskId: 't1' } });
    await flushPromises();
    expect(sut.get('[data-test="workspace-panel"]').text()).toContain('task/t1');
    expect(calls.some((c) => c.url.includes('/diff'))).toBe(false);

    await sut.get('[data-test="workspace-diff-toggle"]').trigger('click');
    await flushPromises();
    expect(sut.get('[data-test="patch-f0.txt"]').text()).toContain('+zero');
    expect(sut.get('[data-test="diff-page"]').text()).toBe('Files page 1 of 2');
    await sut.get('[data-test="diff-next"]').trigger('click');
    await flushPromises();
    expect(sut.get('[data-test="patch-f20.txt"]').text()).toContain('+twenty');

    await sut.get('[data-test="workspace-mode"]').setValue('ff');
    await sut.get('[data-test="workspace-merge"]').trigger('click');
    await flushPromises();
    expect(calls.find((c) => c.url.endsWith('/merge'))).toMatchObject({ method: 'POST', body: { mode: 'ff' } });
    expect(sut.get('[data-test="workspace-status"]').text()).toBe('merged');
    expect(sut.find('[data-test="workspace-merge"]').exists()).toBe(false);
  });

  it('shows why an action was refused', async () => {
    serve(ws());
    const sut = mount(WorkspacePanel, { props: { taskId: 't1' } });
    await flushPromises();
    await sut.get('[data-test="workspace-message"]').setValue('Nothing really');
    await sut.get('form').trigger('submit');
    await flushPromises();
    expect(sut.text()).toContain('WORKSPACE_NOTHING_TO_COMMIT');
  });
});
