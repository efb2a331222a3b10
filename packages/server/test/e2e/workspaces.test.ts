/**
 * Isolated task workspaces through the BUILT server with the fake agent (which really writes files
 * in its cwd): a task asks for a worktree of a configured repository (WORKSPACE_REPOS); the run
 * starts in `git worktree add -b task/<id>` from the base with the asked files copied and the setup
 * command run; the diff (paged) shows what the agent wrote; commit, then merge into the base (a
 * merge commit when the base moved; fast-forward only is refused then), verified with git log; a
 * conflicting merge changes nothing and the workspace can be discarded. Bad requests create nothing.
 * Resolving a task removes its worktree and branch only when nothing is unmerged (else it is kept),
 * and a task reopened after that runs in a new worktree on the same branch.
 * In a real browser the task page's Workspace panel loads the diff on demand, commits and merges.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, realpath, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run as runSchema, task as taskSchema, taskList, taskWorkspace, workspaceDiff, type Task, type TaskWorkspace } from '@dash/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_AGENT } from '../fixtures/fake-agent/fake-agent-runner.js';
import { eventually, launchBrowser } from '../support/browser.js';
import { fakeScript, teamMember, teamRegistry } from '../support/core-loop-harness.js';
import { makeRegistryFixture, type RegistryFixture } from '../support/employee-registry-fixture.js';
import { killAllServers, startServer, type SpawnedServer } from '../support/server-process.js';
import { makeTempDir, type TempDir } from '../support/temp-dir.js';

const EMPLOYEE = 'emp_601';
const WEB_INDEX = fileURLToPath(new URL('../../../web/dist/index.html', import.meta.url));
const IDENTITY = { GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 't@example.com' };

describe('isolated task workspaces (git worktrees)', () => {
  let server: SpawnedServer;
  let registry: RegistryFixture;
  let scratch: TempDir;
  let repo: string;

  const git = (...args: string[]): string => {
    const r = spawnSync('git', args, { cwd: repo, env: { ...process.env, ...IDENTITY }, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
    return r.stdout.trim();
  };

  /** Every API call of this file goes through here (credentials from server-process.ts). */
  const api = async (method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> => {
    const res = await server.api(path, { method, ...(body !== undefined && { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }) });
    const text = await res.text();
    return { status: res.status, json: text === '' ? null : (JSON.parse(text) as unknown) };
  };
  const ok = async <T>(method: string, path: string, body: unknown, parse: (v: unknown) => T, status = 200): Promise<T> => {
    const r = await api(method, path, body);
    if (r.status !== status) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.json)}`);
    return parse(r.json);
  };
  const finished = async (id: string): Promise<Task> => {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const t = await ok('GET', `/api/tasks/${id}`, undefined, (v) => taskSchema.parse(v));
      if (['completed', 'failed', 'cancelled', 'blocked'].includes(t.status)) return t;
      if (Date.now() > deadline) throw new Error(`task ${id} did not finish\n${server.stdout().slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const workspaceTask = async (title: string, workspace: Record<string, unknown>, steps: unknown[]): Promise<Task> =>
    ok('POST', '/api/tasks', { title, description: fakeScript('Work in the worktree.', { steps }), assignee: EMPLOYEE, workspace }, (v) => taskSchema.parse(v), 201);
  const workspaceOf = (id: string): Promise<TaskWorkspace> => ok('GET', `/api/tasks/${id}/workspace`, undefined, (v) => taskWorkspace.parse(v));

  beforeAll(async () => {
    scratch = await makeTempDir('dash-workspaces-');
    repo = join(scratch.path, 'repo');
    await mkdir(repo);
    git('init', '-q', '-b', 'main');
    await writeFile(join(repo, 'README.md'), '# demo\n');
    await writeFile(join(repo, '.gitignore'), '.env\nsetup-done.txt\n');
    git('add', '-A');
    git('commit', '-q', '-m', 'initial');
    git('branch', 'release');
    await writeFile(join(repo, '.env'), 'SECRET=from-the-main-checkout\n');
    registry = await makeRegistryFixture();
    await registry.write(teamRegistry([teamMember(EMPLOYEE, { maxConcurrentTasks: 1 })]));
    server = await startServer({
      env: {
        AGENT_CLAUDE_BIN: FAKE_AGENT,
        AGENT_CODEX_BIN: '/nonexistent/codex',
        AGENT_MAX_RESTARTS: '0',
        EMPLOYEE_REGISTRY_DIR: registry.path,
        DISPATCH_INTERVAL: '200ms',
        WORKSPACE_REPOS: `demo=${repo}`,
      },
    });
  }, 60_000);

  afterAll(async () => {
    if (server) expect(await server.stop()).toEqual({ code: 0, signal: null });
    await killAllServers();
    await registry?.cleanup();
    await scratch?.cleanup();
  }, 60_000);

  it('refuses an unknown repository, a missing base and an option-like base, creating nothing', async () => {
    const before = (await ok('GET', '/api/tasks?limit=200', undefined, (v) => taskList.parse(v))).items.length;
    const unknown = await api('POST', '/api/tasks', { title: 'x', description: 'y', workspace: { repo: 'nope' } });
    expect(unknown.status).toBe(422);
    expect(unknown.json).toMatchObject({ error: { code: 'WORKSPACE_REPO_UNKNOWN', fields: [{ path: 'body.workspace.repo' }] } });
    const base = await api('POST', '/api/tasks', { title: 'x', description: 'y', workspace: { repo: 'demo', base: 'no-such-branch' } });
    expect(base.status).toBe(422);
    expect(base.json).toMatchObject({ error: { code: 'WORKSPACE_BASE_INVALID' } });
    const option = await api('POST', '/api/tasks', { title: 'x', description: 'y', workspace: { repo: 'demo', base: '--upload-pack=touch /tmp/pwned' } });
    expect(option.status).toBe(400);
    expect(option.json).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    expect((await ok('GET', '/api/tasks?limit=200', undefined, (v) => taskList.parse(v))).items.length).toBe(before);
  });

  it('runs the agent in a set-up worktree, shows the diff, commits and merges into the moved base', async () => {
    const created = await workspaceTask(
      'Add a feature',
      { repo: 'demo', base: 'main', copyFiles: ['.env'], setupCommand: [process.execPath, '-e', "require('fs').writeFileSync('setup-done.txt', 'ok')"] },
      [{ writeFile: { path: 'src/feature.txt', content: 'hello from the agent\n' } }, { text: 'Wrote the feature.' }],
    );
    const task = await finished(created.id);
    expect(task.status).toBe('completed');

    const ws = await workspaceOf(task.id);
    expect(ws).toMatchObject({ repo: 'demo', base: 'main', branch: `task/${task.id}`, status: 'ready', setupExitCode: 0 });
    const path = ws.path!;
    const run = await ok('GET', `/api/runs/${task.lastRunId}`, undefined, (v) => runSchema.parse(v));
    expect(run.cwd).toBe(await realpath(path));
    expect(await readFile(join(path, '.env'), 'utf8')).toBe('SECRET=from-the-main-checkout\n');
    expect(existsSync(join(path, 'setup-done.txt'))).toBe(true);
    expect(git('worktree', 'list')).toContain(path);
    // The main checkout is untouched.
    expect(existsSync(join(repo, 'src', 'feature.txt'))).toBe(false);

    const diff = await ok('GET', `/api/tasks/${task.id}/workspace/diff`, undefined, (v) => workspaceDiff.parse(v));
    expect(diff).toMatchObject({ page: 1, pageCount: 1, totalFiles: 1, files: [{ path: 'src/feature.txt', status: '?' }] });
    expect(diff.patches[0]!.patch).toContain('+hello from the agent');

    const early = await api('POST', `/api/tasks/${task.id}/workspace/merge`, {});
    expect(early.status).toBe(409);
    expect(early.json).toMatchObject({ error: { code: 'WORKSPACE_UNCOMMITTED_CHANGES' } });

    const committed = await ok('POST', `/api/tasks/${task.id}/workspace/commit`, { message: 'Add the feature file' }, (v) => taskWorkspace.parse(v));
    expect(committed.headCommit).not.toBe(ws.baseCommit);
    const afterCommit = await ok('GET', `/api/tasks/${task.id}/workspace/diff`, undefined, (v) => workspaceDiff.parse(v));
    expect(afterCommit.files).toEqual([{ path: 'src/feature.txt', status: 'A', additions: 1, deletions: 0 }]);
    const nothing = await api('POST', `/api/tasks/${task.id}/workspace/commit`, { message: 'again' });
    expect(nothing.json).toMatchObject({ error: { code: 'WORKSPACE_NOTHING_TO_COMMIT' } });

    // The base moves meanwhile: fast-forward only is refused, a merge commit goes in.
    await writeFile(join(repo, 'CHANGELOG.md'), 'v2\n');
    git('add', 'CHANGELOG.md');
    git('commit', '-q', '-m', 'changelog on main');
    const ff = await api('POST', `/api/tasks/${task.id}/workspace/merge`, { mode: 'ff' });
    expect(ff.status).toBe(409);
    expect(ff.json).toMatchObject({ error: { code: 'WORKSPACE_MERGE_CONFLICT' } });
    const merged = await ok('POST', `/api/tasks/${task.id}/workspace/merge`, { mode: 'merge' }, (v) => taskWorkspace.parse(v));
    expect(merged).toMatchObject({ status: 'merged', mergedCommit: git('rev-parse', 'main') });
    const log = git('log', '--format=%s', 'main');
    expect(log.split('\n')).toEqual(expect.arrayContaining(['Add the feature file', 'changelog on main', 'initial']));
    expect(await readFile(join(repo, 'src', 'feature.txt'), 'utf8')).toBe('hello from the agent\n');
    // Cleaned up: no worktree, no branch; a second merge is refused.
    expect(existsSync(path)).toBe(false);
    expect(git('branch', '--list', `task/${task.id}`)).toBe('');
    expect((await api('POST', `/api/tasks/${task.id}/workspace/merge`, {})).json).toMatchObject({ error: { code: 'WORKSPACE_CLOSED' } });
  });

  it('pages a large diff, refuses a conflicting merge without changing the base, and discards', async () => {
    const files = Array.from({ length: 25 }, (_, i) => ({ writeFile: { path: `gen/file-${String(i).padStart(2, '0')}.txt`, content: `line ${i}\n` } }));
    const created = await workspaceTask('Many files on release', { repo: 'demo', base: 'release' }, [...files, { writeFile: { path: 'README.md', content: '# rewritten by the agent\n' } }]);
    const task = await finished(created.id);
    expect(task.status).toBe('completed');

    const page1 = await ok('GET', `/api/tasks/${task.id}/workspace/diff?page=1`, undefined, (v) => workspaceDiff.parse(v));
    const page2 = await ok('GET', `/api/tasks/${task.id}/workspace/diff?page=2`, undefined, (v) => workspaceDiff.parse(v));
    expect(page1).toMatchObject({ totalFiles: 26, pageCount: 2 });
    expect(page1.patches).toHaveLength(20);
    expect(page2.patches).toHaveLength(6);
    expect(new Set([...page1.patches, ...page2.patches].map((p) => p.path)).size).toBe(26);

    await ok('POST', `/api/tasks/${task.id}/workspace/commit`, { message: 'Generate files' }, (v) => taskWorkspace.parse(v));
    // release (not checked out) gets a conflicting README change.
    git('checkout', '-q', 'release');
    await writeFile(join(repo, 'README.md'), '# release notes\n');
    git('commit', '-q', '-am', 'release readme');
    git('checkout', '-q', 'main');
    const releaseBefore = git('rev-parse', 'release');
    const conflict = await api('POST', `/api/tasks/${task.id}/workspace/merge`, { mode: 'merge' });
    expect(conflict.status).toBe(409);
    expect(conflict.json).toMatchObject({ error: { code: 'WORKSPACE_MERGE_CONFLICT', details: { files: expect.arrayContaining(['README.md']) } } });
    expect(git('rev-parse', 'release')).toBe(releaseBefore);
    expect(git('status', '--porcelain')).toBe('');

    const ws = await workspaceOf(task.id);
    const discarded = await ok('POST', `/api/tasks/${task.id}/workspace/discard`, undefined, (v) => taskWorkspace.parse(v));
    expect(discarded.status).toBe('discarded');
    expect(existsSync(ws.path!)).toBe(false);
    expect(git('branch', '--list', `task/${task.id}`)).toBe('');
    expect((await api('GET', `/api/tasks/${task.id}/workspace/diff`)).json).toMatchObject({ error: { code: 'WORKSPACE_CLOSED' } });
  });

  it('on resolve removes a worktree with nothing unmerged, keeps one with work; a reopened task gets a new one', async () => {
    const empty = await workspaceTask('Only answers', { repo: 'demo', base: 'main' }, [{ text: 'Nothing to change.' }]);
    const busy = await workspaceTask('Writes a file', { repo: 'demo', base: 'main' }, [{ writeFile: { path: 'notes/kept.md', content: 'keep me\n' } }, { text: 'Wrote it.' }]);
    for (const t of [empty, busy]) expect((await finished(t.id)).status).toBe('completed');
    const emptyPath = (await workspaceOf(empty.id)).path!;
    const busyPath = (await workspaceOf(busy.id)).path!;

    for (const t of [empty, busy]) await ok('POST', `/api/tasks/${t.id}/resolve`, { comment: 'Accepted.' }, (v) => taskSchema.parse(v));
    // Nothing unmerged: gone, with its branch.
    expect(await workspaceOf(empty.id)).toMatchObject({ status: 'removed' });
    expect(existsSync(emptyPath)).toBe(false);
    expect(git('branch', '--list', `task/${empty.id}`)).toBe('');
    // The agent's file is not in main: kept as it was, for a person to commit and merge or discard.
    expect(await workspaceOf(busy.id)).toMatchObject({ status: 'ready', path: busyPath });
    expect(await readFile(join(busyPath, 'notes', 'kept.md'), 'utf8')).toBe('keep me\n');

    // Reopened: the run gets a fresh worktree at the same place, on task/<id> again.
    await ok('POST', `/api/tasks/${empty.id}/reopen`, { reason: 'Once more.' }, (v) => taskSchema.parse(v));
    const again = await finished(empty.id);
    expect(again.status).toBe('completed');
    const run = await ok('GET', `/api/runs/${again.lastRunId}`, undefined, (v) => runSchema.parse(v));
    expect(await workspaceOf(empty.id)).toMatchObject({ status: 'ready', path: emptyPath });
    expect(run.cwd).toBe(await realpath(emptyPath));
    expect(git('branch', '--list', `task/${empty.id}`)).toContain(`task/${empty.id}`);

    for (const t of [empty, busy]) await ok('POST', `/api/tasks/${t.id}/workspace/discard`, undefined, (v) => taskWorkspace.parse(v));
  });

  it('shows the diff on the task page and commits and merges from there (browser)', async () => {
    expect(existsSync(WEB_INDEX), `${WEB_INDEX} is missing: build the web app first (npm run build -w @dash/web)`).toBe(true);
    const created = await workspaceTask('Docs from the UI', { repo: 'demo', base: 'main' }, [{ writeFile: { path: 'docs/ui.md', content: 'written for the browser test\n' } }]);
    const task = await finished(created.id);
    expect(task.status).toBe('completed');

    const browser = await launchBrowser();
    try {
      await browser.signIn(server);
      await browser.context.setExtraHTTPHeaders(server.authHeaders());
      const page = await browser.newPage();
      const diffRequests: string[] = [];
      page.on('request', (r) => {
        if (r.url().includes('/workspace/diff')) diffRequests.push(r.url());
      });
      await page.goto(`${server.url}/tasks/${task.id}`);
      await page.locator('[data-test="workspace-panel"]').waitFor({ timeout: 30_000 });
      expect((await page.locator('[data-test="workspace-status"]').textContent())?.trim()).toBe('ready');
      expect(diffRequests).toEqual([]); // lazy: nothing until asked
      await page.locator('[data-test="workspace-diff-toggle"]').click();
      const patch = page.locator('[data-test="patch-docs/ui.md"]');
      await patch.waitFor({ timeout: 30_000 });
      expect(await patch.textContent()).toContain('+written for the browser test');

      await page.locator('[data-test="workspace-message"]').fill('Docs written from the UI');
      await page.locator('[data-test="workspace-commit"]').click();
      await eventually('the commit', async () => git('log', '--format=%s', `task/${task.id}`), (log) => log.split('\n')[0] === 'Docs written from the UI');
      await page.locator('[data-test="workspace-merge"]').click();
      await eventually('the merged status', async () => (await page.locator('[data-test="workspace-status"]').textContent())?.trim(), (t) => t === 'merged');
    } finally {
      await browser.close();
    }
    expect(git('log', '--format=%s', 'main').split('\n')).toContain('Docs written from the UI');
    expect(await readFile(join(repo, 'docs', 'ui.md'), 'utf8')).toBe('written for the browser test\n');
  }, 120_000);
});
