/**
 * MCP access per run (RunService → RunMcpAccess) with the real supervisor and the fake agent as
 * `claude`, on a SQLite store: the spawned agent gets `--mcp-config` pointing at a private file
 * (directory 0700, file 0600) with the run's endpoint and a token bound to the run, plus the
 * `mcp__dashboard` permission; when the run ends the token stops working, the file is gone and
 * the run's pending questions are cancelled (their waiting tool calls return). Other runtimes get
 * nothing. A question nobody answers expires after BRIDGE_INPUT_TIMEOUT.
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PrivateMcpConfigFiles } from '../../src/adapters/mcp-config/private-mcp-config-files.js';
import { KyselyInputRequestRepository } from '../../src/adapters/store/kysely-input-request-repository.js';
import { KyselyRunTokenRepository } from '../../src/adapters/store/kysely-run-token-repository.js';
import { storeDatabaseOf } from '../../src/adapters/store/kysely-store.js';
import type { AgentSupervisor, RunSpec } from '../../src/ports/agent-supervisor.js';
import { systemClock } from '../../src/ports/clock.js';
import { silentLogger } from '../../src/ports/logger.js';
import { noopRunMetrics } from '../../src/ports/run-metrics.js';
import { InputRequestService, type InputOutcome } from '../../src/services/bridge/input/input-request-service.js';
import { RunMcpAccess } from '../../src/services/bridge/mcp/run-mcp-access.js';
import { RunTokenService } from '../../src/services/bridge/mcp/run-token-service.js';
import { RunService } from '../../src/services/runs/run-service.js';
import { WorkdirPolicy } from '../../src/services/runs/workdir-policy.js';
import { fastLimits, makeRunHarness, scripted, type RunHarness } from '../support/run-harness.js';

describe('MCP access of a run', () => {
  let harness: RunHarness;
  let files: PrivateMcpConfigFiles;
  let tokens: RunTokenService;
  let inputs: InputRequestService;
  let runService: RunService;
  const specs: RunSpec[] = [];

  beforeEach(async () => {
    harness = await makeRunHarness();
    const { db } = storeDatabaseOf(harness.store);
    files = new PrivateMcpConfigFiles();
    tokens = new RunTokenService({ tokens: new KyselyRunTokenRepository(db), runs: harness.store.runs, clock: systemClock });
    inputs = new InputRequestService({
      requests: new KyselyInputRequestRepository(db),
      runs: harness.store.runs,
      bus: harness.bus,
      clock: systemClock,
      logger: silentLogger,
      newId: randomUUID,
      timeoutMs: 3_600_000,
    });
    inputs.start();
    // Records what the supervisor is asked to spawn.
    const recording: AgentSupervisor = Object.assign(Object.create(harness.supervisor) as AgentSupervisor, {
      start: (spec: RunSpec, sink: Parameters<AgentSupervisor['start']>[1]) => {
        specs.push(spec);
        return harness.supervisor.start(spec, sink);
      },
    });
    runService = new RunService({
      runs: harness.store.runs,
      events: harness.eventLog,
      supervisor: recording,
      workdirs: new WorkdirPolicy([harness.root]),
      clock: systemClock,
      metrics: noopRunMetrics,
      logger: silentLogger,
      newId: randomUUID,
      nodeId: 'test-node',
      maxConcurrent: 5,
      defaultLimits: fastLimits,
      attachments: new RunMcpAccess({ tokens, files, cancelInputs: (id) => inputs.cancelForRun(id), baseUrl: () => 'http://127.0.0.1:9/', logger: silentLogger }),
    });
  });

  afterEach(async () => {
    inputs.stop();
    await runService.drain();
    await files.clear();
    await harness.close();
    specs.length = 0;
  });

  it('hands a Claude Code run a private config with its own token, and takes it back when the run ends', async () => {
    const run = await runService.start({ runtime: 'claude-code', prompt: scripted('wait', { steps: [{ hang: true }] }), allowedTools: ['Read'], employeeId: 'emp_001' });
    const spec = specs.at(-1);
    expect(spec?.allowedTools).toEqual(['Read', 'mcp__dashboard']);
    // Not in bypass mode: the permission prompts go to a manager.
    expect(spec?.permissionPromptTool).toBe('mcp__dashboard__approve_tool_use');
    const path = spec?.mcpConfigPath ?? '';
    expect(((await stat(path)).mode & 0o777).toString(8)).toBe('600');
    expect(((await stat(dirname(path))).mode & 0o777).toString(8)).toBe('700');
    const config = JSON.parse(await readFile(path, 'utf8')) as { mcpServers: { dashboard: { type: string; url: string; headers: { Authorization: string } } } };
    expect(config.mcpServers.dashboard).toMatchObject({ type: 'http', url: `http://127.0.0.1:9/mcp/runs/${run.id}` });
    const token = config.mcpServers.dashboard.headers.Authorization.replace(/^Bearer /, '');
    expect(token).toMatch(/^dmcp_[A-Za-z0-9_-]{43}$/);
    // Never on the command line or in the environment.
    expect(JSON.stringify(spec?.env ?? {})).not.toContain(token);
    expect(await tokens.verify(token, run.id)).toEqual({ runId: run.id, employeeId: 'emp_001', taskId: null });

    // A question pending when the run is stopped is cancelled, and the waiting call returns.
    const asking = new AbortController();
    const outcome: Promise<InputOutcome> = inputs.ask({ runId: run.id, employeeId: 'emp_001', taskId: null }, 'Which port?', asking.signal);
    await expect.poll(async () => (await inputs.listForRun(run.id)).map((r) => r.status)).toEqual(['pending']);

    await runService.stop(run.id);
    await expect(stat(path)).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(tokens.verify(token, run.id)).rejects.toMatchObject({ code: 'MCP_TOKEN_EXPIRED' });
    expect(await outcome).toMatchObject({ status: 'cancelled', request: { status: 'cancelled', question: 'Which port?' } });
  });

  it('routes no permission prompts for a run in bypassPermissions mode', async () => {
    const run = await runService.start({ runtime: 'claude-code', prompt: scripted('done', { steps: [] }), permissionMode: 'bypassPermissions', employeeId: 'emp_001' });
    expect(specs.at(-1)?.mcpConfigPath).toBeDefined();
    expect(specs.at(-1)?.permissionPromptTool).toBeUndefined();
    await runService.waitFor(run.id);
  });

  it('gives other runtimes nothing', async () => {
    await runService.waitFor((await runService.start({ runtime: 'shell', prompt: 'x', command: ['true'] })).id);
    expect(specs.at(-1)?.mcpConfigPath).toBeUndefined();
    expect(specs.at(-1)?.allowedTools).toBeUndefined();
  });

  it('expires a question nobody answers, and a second answer is refused', async () => {
    const quick = new InputRequestService({
      requests: new KyselyInputRequestRepository(storeDatabaseOf(harness.store).db),
      runs: harness.store.runs,
      bus: harness.bus,
      clock: systemClock,
      logger: silentLogger,
      newId: randomUUID,
      timeoutMs: 50,
    });
    const outcome = await quick.ask({ runId: 'run-x', employeeId: null, taskId: null }, 'Anyone?', new AbortController().signal);
    expect(outcome).toMatchObject({ status: 'expired', request: { status: 'expired' } });
    await expect(quick.answer('run-x', outcome.request.id, 'late', 'alice')).rejects.toMatchObject({ code: 'BRIDGE_INPUT_CLOSED' });
    await expect(quick.answer('run-y', outcome.request.id, 'late', 'alice')).rejects.toMatchObject({ code: 'BRIDGE_INPUT_NOT_FOUND' });
    expect((await quick.listForRun('run-x')).map((r) => [r.status, r.answer])).toEqual([['expired', null]]);
  });
});
