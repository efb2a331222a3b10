/**
 * What start() refuses before anything runs, what the supervisor reports about live processes
 * (activeCount, sample) and installed runtimes, and orphan kills.
 */
import { spawn } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../src/domain/app-error.js';
import { CodexRunner } from '../../src/runners/codex/index.js';
import { GeminiRunner } from '../../src/runners/gemini/index.js';
import { ShellRunner } from '../../src/runners/shell/index.js';
import { ProcessSupervisor } from '../../src/runners/supervisor/index.js';
import { FAKE_AGENT, FakeAgentRunner } from '../fixtures/fake-agent/fake-agent-runner.js';
import { baseEnv, makeHarness, type Harness } from '../fixtures/fake-agent/harness.js';
import { pidExists, RecordingSink, waitGroupGone } from '../fixtures/fake-agent/recording-sink.js';

let h: Harness;
beforeEach(() => {
  h = makeHarness();
});
afterEach(async () => {
  await h.cleanup();
});

const errorOf = (fn: () => unknown): { code: string; details?: Record<string, unknown> } | null => {
  try {
    fn();
    return null;
  } catch (err) {
    if (!isAppError(err)) throw err;
    return { code: err.code, details: err.details };
  }
};

describe('ProcessSupervisor start checks', () => {
  it('refuses a runtime whose binary is not installed, spawning nothing', () => {
    const supervisor = new ProcessSupervisor({
      runners: [new CodexRunner()],
      binaryPaths: { codex: 'codex-definitely-not-installed-xyz' },
      baseEnv: baseEnv(),
    });
    const sink = new RecordingSink();
    const spec = { ...h.fakeSpec({}), runtime: 'codex' as const };

    expect(errorOf(() => supervisor.start(spec, sink))?.code).toBe('RUNTIME_NOT_INSTALLED');
    expect(supervisor.activeCount()).toBe(0);
    expect(supervisor.get(spec.runId)).toBeUndefined();
    expect(sink.events).toEqual([]);
    expect(sink.starts).toEqual([]);
  });

  it('refuses an unknown runtime', () => {
    const supervisor = new ProcessSupervisor({ runners: [new ShellRunner()], baseEnv: baseEnv() });
    expect(errorOf(() => supervisor.start(h.fakeSpec({}), new RecordingSink()))?.code).toBe('RUNTIME_UNKNOWN');
  });

  it('refuses a missing working directory and a non-executable binary', () => {
    const sink = new RecordingSink();
    const missing = errorOf(() => h.supervisor.start(h.fakeSpec({}, {}, { cwd: join(h.dir, 'nope') }), sink));
    expect(missing).toMatchObject({ code: 'AGENT_SPAWN_FAILED', details: { reason: 'cwd_missing' } });

    const notExec = join(h.dir, 'not-executable');
    writeFileSync(notExec, '#!/bin/sh\n');
    chmodSync(notExec, 0o644);
    expect(errorOf(() => h.supervisor.start(h.shellSpec([notExec]), sink))?.code).toBe('AGENT_SPAWN_FAILED');
    expect(errorOf(() => h.supervisor.start(h.shellSpec([]), sink))?.code).toBe('VALIDATION_FAILED');
    expect(sink.starts).toEqual([]);
    expect(h.supervisor.activeCount()).toBe(0);
  });

  it('refuses a second run with the same id while the first is active', async () => {
    const spec = h.fakeSpec({ steps: [{ hang: true }] });
    const run = h.supervisor.start(spec, new RecordingSink());
    expect(errorOf(() => h.supervisor.start(spec, new RecordingSink()))?.code).toBe('CONFLICT');
    await run.stop('user');
  });

  it('reports a spawn failure that only the OS detects as a failed run, leaving nothing running', async () => {
    // The binary is checked at start(), then removed before the restart attempt spawns.
    const script = join(h.dir, 'agent.sh');
    writeFileSync(script, '#!/bin/sh\nrm -f "$0"\nexit 1\n');
    chmodSync(script, 0o755);
    const sink = new RecordingSink();
    const run = h.supervisor.start(h.shellSpec([script], { maxRestarts: 2, restartBackoffMs: 10 }), sink);

    const outcome = await run.done;

    expect(outcome).toMatchObject({ status: 'failed', errorCode: 'AGENT_SPAWN_FAILED' });
    expect(sink.supervisor('spawn_failed')).toHaveLength(1);
    expect(sink.types().slice(-2)).toEqual(['result', 'exit']);
    expect(h.supervisor.activeCount()).toBe(0);
  });
});

describe('ProcessSupervisor observation', () => {
  it('counts live processes only', async () => {
    const sinks = [new RecordingSink(), new RecordingSink()];
    const hanging = h.supervisor.start(h.fakeSpec({ steps: [{ hang: true }] }), sinks[0] as RecordingSink);
    const crashing = h.supervisor.start(
      h.fakeSpec({ steps: [{ crash: { code: 1 } }] }, { maxRestarts: 1, restartBackoffMs: 5000 }),
      sinks[1] as RecordingSink,
    );
    await sinks[0]?.waitFor((e) => e.type === 'supervisor' && e.action === 'spawned');
    await sinks[1]?.waitFor((e) => e.type === 'supervisor' && e.action === 'restart_scheduled');

    // One process alive; the other run waits in backoff with no process.
    expect(h.supervisor.activeCount()).toBe(1);
    expect(h.supervisor.get(crashing.runId)?.pid).toBeNull();

    await hanging.stop('user');
    expect(h.supervisor.activeCount()).toBe(0);
    await crashing.stop('user');
  });

  it('samples CPU and RSS of a live agent', async () => {
    const sink = new RecordingSink();
    const run = h.supervisor.start(h.fakeSpec({ steps: [{ grandchild: {} }, { hang: true }] }), sink);
    await sink.waitFor((e) => e.type === 'assistant.text' && e.text.startsWith('grandchild'));

    const samples = await h.supervisor.sample();

    expect(samples).toHaveLength(1);
    const [sample] = samples;
    expect(sample).toMatchObject({ runId: run.runId, pid: run.pid });
    // Two Node processes (agent + grandchild): well over 20 MB together, under 2 GB.
    expect(sample?.rssBytes).toBeGreaterThan(20 * 1024 * 1024);
    expect(sample?.rssBytes).toBeLessThan(2 * 1024 * 1024 * 1024);
    expect(sample?.cpuSeconds).toBeGreaterThanOrEqual(0);
    expect(sample?.cpuSeconds).toBeLessThan(60);

    await run.stop('user');
    expect(await h.supervisor.sample()).toEqual([]);
  });

  it('detects runtimes: a configured binary with its version, missing ones as not installed', async () => {
    const supervisor = new ProcessSupervisor({
      runners: [new FakeAgentRunner('claude-code'), new CodexRunner(), new GeminiRunner(), new ShellRunner()],
      binaryPaths: { 'claude-code': FAKE_AGENT, codex: FAKE_AGENT, gemini: join(h.dir, 'no-such-gemini') },
      baseEnv: baseEnv(),
    });

    const infos = await supervisor.detectRuntimes();
    const by = Object.fromEntries(infos.map((i) => [i.runtime, i]));

    expect(by['claude-code']).toMatchObject({ installed: true, path: FAKE_AGENT, version: '2.1.0', reason: null });
    expect(by.codex).toMatchObject({ installed: true, version: '2.1.0' });
    expect(by.gemini).toMatchObject({ installed: false, path: null, version: null });
    expect(by.gemini?.reason).toContain('does not exist');
    expect(by.shell).toMatchObject({ installed: true, version: null });
    // Cached: the same answer object comes back.
    expect(await supervisor.detectRuntimes()).toBe(infos);
  });

  it('reports a binary whose version command fails as not installed', async () => {
    const broken = join(h.dir, 'broken-cli');
    writeFileSync(broken, `#!${process.execPath}\nprocess.exit(3)\n`);
    chmodSync(broken, 0o755);
    const supervisor = new ProcessSupervisor({
      runners: [new GeminiRunner()],
      binaryPaths: { gemini: broken },
      baseEnv: baseEnv(),
    });
    const [info] = await supervisor.detectRuntimes();
    expect(info).toMatchObject({ runtime: 'gemini', installed: false, path: broken });
    expect(info?.reason).toContain('failed');
  });
});

describe('ProcessSupervisor.killOrphan', () => {
  it('kills a leftover group carrying the run id, and leaves others alone', async () => {
    const code = 'process.on("SIGTERM", () => {}); setInterval(() => {}, 1e9); console.log("up")';
    const orphan = spawn(process.execPath, ['-e', code], {
      detached: true,
      stdio: ['ignore', 'pipe', 'ignore'],
      env: { ...baseEnv(), DASH_RUN_ID: 'run-orphan' },
    });
    await new Promise((resolve) => orphan.stdout.once('data', resolve));
    const pid = orphan.pid as number;

    expect(await h.supervisor.killOrphan('some-other-run', pid)).toBe(false);
    expect(pidExists(pid)).toBe(true);

    expect(await h.supervisor.killOrphan('run-orphan', pid)).toBe(true);
    expect(await waitGroupGone(pid)).toBe(true);
    expect(await h.supervisor.killOrphan('run-orphan', pid)).toBe(false);
  });
});
