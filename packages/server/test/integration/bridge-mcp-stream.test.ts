/**
 * The long-running MCP call (request_human_input) over a real HTTP listener, as Claude Code makes
 * it (`accept: application/json, text/event-stream`, a `progressToken`): the answer comes as an
 * SSE stream that carries `notifications/progress` while the person has not answered (the CLI
 * resets its tool timeout on each) and ends with the response. A client that hangs up cancels the
 * question. SQLite store, the MCP routes on the app's HTTP server (short progress interval).
 */
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalEventBus } from '../../src/adapters/bus-local/local-event-bus.js';
import { KyselyInputRequestRepository } from '../../src/adapters/store/kysely-input-request-repository.js';
import { KyselyRunTokenRepository } from '../../src/adapters/store/kysely-run-token-repository.js';
import { KyselyTaskLinkRepository } from '../../src/adapters/store/kysely-task-link-repository.js';
import { storeDatabaseOf } from '../../src/adapters/store/kysely-store.js';
import { openStore } from '../../src/adapters/store/open-store.js';
import { Lifecycle } from '../../src/lifecycle/lifecycle.js';
import { createLogger } from '../../src/observability/logger.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { systemClock } from '../../src/ports/clock.js';
import type { Store } from '../../src/ports/store.js';
import { InputRequestService } from '../../src/services/bridge/input/input-request-service.js';
import { createMcpTools } from '../../src/services/bridge/mcp/mcp-tools.js';
import { RunTokenService } from '../../src/services/bridge/mcp/run-token-service.js';
import { noCredentialsAccepted } from '../../src/transport/http/auth/access-types.js';
import { createHttpServer, type HttpServer } from '../../src/transport/http/http-server.js';
import { mcpRoutes } from '../../src/transport/mcp/mcp-routes.js';
import { McpServer } from '../../src/transport/mcp/mcp-server.js';
import { makeTempDir, type TempDir } from '../support/temp-dir.js';

describe('request_human_input over a streamed MCP answer', () => {
  let dir: TempDir;
  let store: Store;
  let server: HttpServer;
  let inputs: InputRequestService;
  let url: string;
  let token: string;
  const runId = randomUUID();
  const bus = new LocalEventBus();

  beforeEach(async () => {
    dir = await makeTempDir('dash-mcp-stream-');
    store = await openStore({ kind: 'sqlite', file: join(dir.path, 'dashboard.sqlite') });
    const { db } = storeDatabaseOf(store);
    const logger = createLogger({ level: 'silent', nodeId: 'mcp-stream' });
    inputs = new InputRequestService({ requests: new KyselyInputRequestRepository(db), runs: store.runs, bus, clock: systemClock, logger, newId: randomUUID, timeoutMs: 600_000 });
    inputs.start();
    const tokens = new RunTokenService({ tokens: new KyselyRunTokenRepository(db), runs: store.runs, clock: systemClock });
    const tools = createMcpTools({
      memory: () => {
        throw new Error('no memory in this test');
      },
      tasks: () => {
        throw new Error('no tasks in this test');
      },
      employees: { list: async () => [] },
      links: new KyselyTaskLinkRepository(db),
      inputs,
      clock: systemClock,
      logger,
    });
    const mcp = new McpServer({ name: 'test', version: '0', tools, logger });
    const lifecycle = new Lifecycle({ logger, drainTimeoutMs: 1_000 });
    ({ server } = createHttpServer({ logger, metrics: createMetrics({ activeProcesses: () => 0, queueDepth: () => ({}) }), lifecycle, auth: noCredentialsAccepted }));
    await server.register(mcpRoutes, { resolve: () => ({ server: mcp, tokens }), progressEveryMs: 30 });
    await lifecycle.start();
    await server.listen({ host: '127.0.0.1', port: 0 });
    url = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}/mcp/runs/${runId}`;

    await store.runs.create({ id: runId, taskId: null, employeeId: 'emp_001', runtime: 'claude-code', model: null, cwd: dir.path, resumeOf: null, nodeId: 'n', createdAt: systemClock.isoNow() });
    await store.runs.transition(runId, ['queued'], { status: 'running', startedAt: systemClock.isoNow() });
    token = await tokens.mint({ runId, employeeId: 'emp_001', taskId: null }, 600_000);
  });

  afterEach(async () => {
    inputs.stop();
    await server.close();
    await store.close();
    await dir.cleanup();
  });

  const ask = (signal?: AbortSignal): Promise<Response> =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', authorization: `Bearer ${token}` },
      body: JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'tools/call', params: { name: 'request_human_input', arguments: { question: 'Merge?' }, _meta: { progressToken: 'p-1' } } }),
      ...(signal && { signal }),
    });

  /** Reads SSE `data:` messages as they come, until `until` says stop. */
  async function readEvents(res: Response, until: (messages: Record<string, unknown>[]) => Promise<boolean> | boolean): Promise<Record<string, unknown>[]> {
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    const messages: Record<string, unknown>[] = [];
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return messages;
      buffer += decoder.decode(value, { stream: true });
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const data = frame.split('\n').find((l) => l.startsWith('data: '));
        if (data) messages.push(JSON.parse(data.slice(6)) as Record<string, unknown>);
      }
      if (await until(messages)) {
        await reader.cancel();
        return messages;
      }
    }
  }

  it('streams progress while it waits, then the answer', async () => {
    const res = await ask();
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    let answered = false;
    const messages = await readEvents(res, async (so) => {
      const progress = so.filter((m) => m.method === 'notifications/progress');
      if (progress.length >= 2 && !answered) {
        answered = true;
        const [pending] = await inputs.list({ status: 'pending', limit: 5 });
        await inputs.answer(runId, pending?.id ?? '', 'Yes, merge.', 'alice');
      }
      return so.some((m) => m.id === 7);
    });
    const progress = messages.filter((m) => m.method === 'notifications/progress');
    expect(progress.slice(0, 2)).toEqual([
      { jsonrpc: '2.0', method: 'notifications/progress', params: { progressToken: 'p-1', progress: 1, message: 'Waiting for a person to answer' } },
      { jsonrpc: '2.0', method: 'notifications/progress', params: { progressToken: 'p-1', progress: 2, message: 'Waiting for a person to answer' } },
    ]);
    expect(messages.at(-1)).toMatchObject({ jsonrpc: '2.0', id: 7, result: { isError: false, structuredContent: { status: 'answered', answer: 'Yes, merge.' } } });
  });

  it('cancels the question when the agent hangs up', async () => {
    const controller = new AbortController();
    const res = await ask(controller.signal);
    await readEvents(res, (so) => so.some((m) => m.method === 'notifications/progress'));
    controller.abort();
    await expect.poll(async () => (await inputs.listForRun(runId)).map((r) => r.status)).toEqual(['cancelled']);
  });
});
