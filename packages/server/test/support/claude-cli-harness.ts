/**
 * The real Claude Code CLI (the dev dependency) against the local Messages API stub, through the
 * BUILT server: the stub (anthropic-stub/), a private HOME for the CLI (cli-env.ts), a private copy
 * of the default registry with the test's team written over it, and the server with the CLI as
 * `claude`, no codex or gemini, no restarts of failed runs, hash embeddings and no memory written
 * after runs. The test scripts the stub (`stub.setScript`) and passes NODE_ID and its own limits in
 * `env` (which wins over these defaults); `close()` returns how the server exited.
 */
import { existsSync } from 'node:fs';
import type { RegistryFileInput } from '@dash/shared';
import { AnthropicStub } from './anthropic-stub/anthropic-stub.js';
import { CLAUDE_BIN, claudeCliEnv } from './anthropic-stub/cli-env.js';
import { makeRegistryFixture, type RegistryFixture } from './employee-registry-fixture.js';
import { jsonApi, type JsonApi } from './json-api.js';
import { startServer, type ExitResult, type SpawnedServer } from './server-process.js';
import { Teardown } from './teardown.js';
import { makeTempDir, type TempDir } from './temp-dir.js';

export interface ClaudeCliHarnessOptions {
  /** The registry written over the private copy (e.g. teamRegistry([teamMember(…)])). */
  team: RegistryFileInput;
  /** The server's environment on top of the defaults above. */
  env?: Record<string, string>;
}

export interface ClaudeCliHarness {
  readonly server: SpawnedServer;
  readonly stub: AnthropicStub;
  readonly registry: RegistryFixture;
  /** The CLI's HOME (its sessions and configuration). */
  readonly home: TempDir;
  /** JSON calls with the admin token (json-api.ts). */
  readonly api: JsonApi;
  /** Polls `probe` until it returns non-null; on timeout throws with the tail of the server's output. */
  until<T>(what: string, probe: () => Promise<T | null>, timeoutMs?: number, everyMs?: number): Promise<T>;
  /** Stops the server (SIGTERM), the stub, removes the temp dirs; resolves to the server's exit. */
  close(): Promise<ExitResult>;
}

export async function claudeCliHarness(options: ClaudeCliHarnessOptions): Promise<ClaudeCliHarness> {
  if (!existsSync(CLAUDE_BIN)) throw new Error(`the Claude Code CLI is missing at ${CLAUDE_BIN} (npm ci installs it)`);
  const teardown = new Teardown();
  let exit: ExitResult | null = null;
  return teardown.guard(async () => {
    const stub = teardown.add(await AnthropicStub.start(), (s) => s.close());
    const home = teardown.add(await makeTempDir('dash-claude-home-'), (d) => d.cleanup());
    const registry = teardown.add(await makeRegistryFixture(), (r) => r.cleanup());
    await registry.write(options.team);
    const server = teardown.add(
      await startServer({
        env: {
          // The CLI's environment (agents inherit the server's): the stub as API, a private HOME.
          ...claudeCliEnv(stub.url, home.path),
          AGENT_CLAUDE_BIN: CLAUDE_BIN,
          AGENT_CODEX_BIN: '/nonexistent/codex',
          AGENT_GEMINI_BIN: '/nonexistent/gemini',
          AGENT_MAX_RESTARTS: '0',
          EMPLOYEE_REGISTRY_DIR: registry.path,
          DISPATCH_INTERVAL: '200ms',
          MEMORY_EMBEDDINGS: 'hash',
          MEMORY_WRITE_AFTER_RUNS: 'false',
          ...options.env,
        },
      }),
      async (s) => (exit = await s.stop()),
    );
    return {
      server,
      stub,
      registry,
      home,
      api: jsonApi(server),
      async until<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 90_000, everyMs = 100): Promise<T> {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
          const value = await probe();
          if (value !== null) return value;
          if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${server.stdout().slice(-3000)}`);
          await new Promise((resolve) => setTimeout(resolve, everyMs));
        }
      },
      close: async () => {
        await teardown.run();
        if (exit === null) throw new Error('the server was not stopped');
        return exit;
      },
    };
  });
}
