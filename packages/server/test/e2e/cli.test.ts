/**
 * The `dashboard` CLI (the built bin, dist/cli/bin.js) against the BUILT server with the fake
 * agent: log in (config file 0600), create a task and watch it until done with every output line
 * printed in order, list and show it, tail a finished run (history replayed), and the documented
 * exit codes for a failed task, a refused token and a bad command line, and `--budget-usd`. Piped
 * output (no TTY) has no progress line.
 */
import { spawn } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_AGENT } from '../fixtures/fake-agent/fake-agent-runner.js';
import { fakeScript, teamMember, teamRegistry } from '../support/core-loop-harness.js';
import { makeRegistryFixture, type RegistryFixture } from '../support/employee-registry-fixture.js';
import { killAllServers, startServer, type SpawnedServer } from '../support/server-process.js';
import { makeTempDir, type TempDir } from '../support/temp-dir.js';

const CLI_BIN = fileURLToPath(new URL('../../dist/cli/bin.js', import.meta.url));
const EMPLOYEE = 'emp_501';
const LINES = 60;

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

describe('dashboard CLI against a real server', () => {
  let server: SpawnedServer;
  let registry: RegistryFixture;
  let home: TempDir;

  /** Every CLI invocation of this file goes through here: argv array, private HOME for the config. */
  const cli = (args: string[], extraEnv: Record<string, string> = {}): Promise<CliResult> =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [CLI_BIN, ...args], {
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home.path, XDG_CONFIG_HOME: join(home.path, '.config'), ...extraEnv },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });

  beforeAll(async () => {
    home = await makeTempDir('dash-cli-home-');
    registry = await makeRegistryFixture();
    await registry.write(teamRegistry([teamMember(EMPLOYEE, { maxConcurrentTasks: 2 })]));
    server = await startServer({
      env: {
        AGENT_CLAUDE_BIN: FAKE_AGENT,
        AGENT_CODEX_BIN: '/nonexistent/codex',
        AGENT_MAX_RESTARTS: '0',
        EMPLOYEE_REGISTRY_DIR: registry.path,
        DISPATCH_INTERVAL: '200ms',
      },
    });
  }, 60_000);

  afterAll(async () => {
    if (server) expect(await server.stop()).toEqual({ code: 0, signal: null });
    await killAllServers();
    await registry?.cleanup();
    await home?.cleanup();
  }, 60_000);

  it('logs in with a token and keeps it in a 0600 file; a refused token is exit 4', async () => {
    const bad = await cli(['login', '--url', server.url, '--token', 'not-a-valid-token-not-a-valid-token']);
    expect(bad.code).toBe(4);
    expect(bad.stderr).toContain('dashboard:');

    const ok = await cli(['login', '--url', `${server.url}/`, '--token', server.adminToken!]);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    const file = join(home.path, '.config', 'dashboard', 'config.json');
    expect(ok.stdout).toContain(file);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('creates a task and watches it to the end, printing every output line in order', async () => {
    const description = fakeScript('Count out loud.', { steps: [{ emit: { count: LINES, text: 'tick' } }, { text: 'all counted' }] });
    const res = await cli(['tasks', 'create', '--title', 'Count', '--description', description, '--assignee', EMPLOYEE, '--watch']);
    expect(res.stderr).toBe(''); // not a TTY: no progress line
    expect(res.code).toBe(0);
    const lines = res.stdout.trimEnd().split('\n');
    const taskId = /^created (\S+) /.exec(lines[0]!)?.[1];
    expect(taskId).toBeDefined();
    const ticks = lines.filter((l) => l.startsWith('tick #')).map((l) => Number(/^tick #(\d+)/.exec(l)![1]));
    expect(ticks).toEqual(Array.from({ length: LINES }, (_, i) => i + 1));
    expect(lines.indexOf('all counted')).toBeGreaterThan(lines.findIndex((l) => l.startsWith(`tick #${LINES}`)));
    expect(lines.at(-1)).toBe(`task ${taskId} completed`);

    const list = await cli(['tasks', 'list', '--json']);
    expect(list.code).toBe(0);
    const items = JSON.parse(list.stdout) as Array<{ id: string; status: string; lastRunId: string }>;
    const listed = items.find((t) => t.id === taskId);
    expect(listed).toMatchObject({ status: 'completed' });

    const show = await cli(['tasks', 'show', taskId!]);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain(`last run: ${listed!.lastRunId}`);

    // A finished run's tail replays its whole history from the store, then ends.
    const tail = await cli(['runs', 'tail', listed!.lastRunId]);
    expect(tail.code).toBe(0);
    const tailTicks = tail.stdout.split('\n').filter((l) => l.startsWith('tick #')).map((l) => Number(/^tick #(\d+)/.exec(l)![1]));
    expect(tailTicks).toEqual(ticks);
    expect(tail.stdout.trimEnd().split('\n').at(-1)).toBe(`run ${listed!.lastRunId} succeeded`);
  });

  it('exits 1 when the watched task fails, 3 for an API refusal, 2 for a bad command line', async () => {
    const failing = fakeScript('Fail.', { steps: [{ text: 'trying' }], result: { success: false, text: 'broken' }, exitCode: 1 });
    const res = await cli(['tasks', 'create', '--title', 'Fail', '--description', failing, '--assignee', EMPLOYEE, '--max-retries', '0', '--watch']);
    expect(res.stdout).toContain('trying');
    expect(res.stdout.trimEnd().split('\n').at(-1)).toMatch(/^task \S+ failed$/);
    expect(res.code).toBe(1);

    const missing = await cli(['tasks', 'show', 'no-such-task']);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('TASK_NOT_FOUND');

    const workflow = await cli(['workflows', 'start', '--template', 'no_such_template', '--title', 'Ship', '--request', 'Ship the export']);
    expect(workflow.code).toBe(3);
    expect(workflow.stderr).toContain('WORKFLOW_TEMPLATE_NOT_FOUND');

    const usage = await cli(['tasks', 'create', '--title', 'No description']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('description');
    expect((await cli(['frobnicate'])).code).toBe(2);
    expect((await cli(['tasks', 'list', '--no-such-flag'])).code).toBe(2);
  });

  it("sends --budget-usd as the task's own budget and refuses a bad amount before sending", async () => {
    const res = await cli(['tasks', 'create', '--title', 'Budgeted', '--description', 'Work.', '--assignee', EMPLOYEE, '--budget-usd', '0.25', '--json']);
    expect(res.code).toBe(0);
    const created = JSON.parse(res.stdout) as { id: string; budgetUsd: number | null };
    expect(created.budgetUsd).toBe(0.25);
    const shown = await cli(['tasks', 'show', created.id, '--json']);
    expect(JSON.parse(shown.stdout)).toMatchObject({ id: created.id, budgetUsd: 0.25 });

    for (const amount of ['0', '1e3', 'ten', '10000.5', '0.00001']) {
      const bad = await cli(['tasks', 'create', '--title', 'Bad budget', '--description', 'Work.', '--budget-usd', amount]);
      expect(bad.code, amount).toBe(2);
      expect(bad.stderr, amount).toContain('invalid budgetUsd');
    }
    const titles = (JSON.parse((await cli(['tasks', 'list', '--json'])).stdout) as Array<{ title: string }>).map((t) => t.title);
    expect(titles).toContain('Budgeted');
    expect(titles).not.toContain('Bad budget');
  });

  it('reads DASHBOARD_URL and DASHBOARD_TOKEN over the file, and says so when nothing is configured', async () => {
    const viaEnv = await cli(['tasks', 'list'], { DASHBOARD_URL: server.url, DASHBOARD_TOKEN: server.adminToken!, XDG_CONFIG_HOME: join(home.path, 'empty') });
    expect(viaEnv.code).toBe(0);
    const none = await cli(['tasks', 'list'], { XDG_CONFIG_HOME: join(home.path, 'empty') });
    expect(none.code).toBe(4);
    expect(none.stderr).toContain('not logged in');
  });
});
