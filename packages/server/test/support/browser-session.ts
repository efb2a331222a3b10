/**
 * One e2e browser session: the BUILT server and SPA (server-process.ts: free port, temp DATA_DIR,
 * random admin credentials), optionally a private copy of the default employee registry, and
 * Debian chromium (browser.ts) signed in as admin with one tab open. The test keeps its server
 * environment and everything it checks; `close()` tears it all down and returns how the server
 * exited, for the test to assert on.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { FAKE_AGENT } from '../fixtures/fake-agent/fake-agent-runner.js';
import { launchBrowser, type BrowserOptions, type TestBrowser } from './browser.js';
import { makeRegistryFixture, type RegistryFixture } from './employee-registry-fixture.js';
import { jsonApi, type JsonApi } from './json-api.js';
import { startServer, type ExitResult, type SpawnedServer } from './server-process.js';
import { Teardown } from './teardown.js';
import { makeTempDir } from './temp-dir.js';

/** The built SPA the server serves (npm run build -w @dash/web). */
export const WEB_INDEX = fileURLToPath(new URL('../../../web/dist/index.html', import.meta.url));
const DOCS_SCREENSHOTS = fileURLToPath(new URL('../../../../docs/screenshots/', import.meta.url));

/** The scripted fake agent (fake-agent.mjs) as `claude`, and no `codex`. */
export const FAKE_AGENT_ENV: Readonly<Record<string, string>> = { AGENT_CLAUDE_BIN: FAKE_AGENT, AGENT_CODEX_BIN: '/nonexistent/codex' };

export interface SignInOptions {
  /** Every request of the browser (the SPA's included) carries the admin token too. @default false */
  tokenHeaders?: boolean;
  browser?: BrowserOptions;
}

export interface BrowserSessionOptions extends SignInOptions {
  /** The server's environment on top of server-process.ts's defaults. */
  env?: Record<string, string>;
  /** A private copy of the default registry as EMPLOYEE_REGISTRY_DIR. @default false */
  registry?: boolean;
  /** false: the server starts like a fresh install (no admin password) and nobody is signed in. @default true */
  bootstrapAdmin?: boolean;
}

export interface BrowserSession {
  readonly server: SpawnedServer;
  readonly browser: TestBrowser;
  /** The tab opened at the start. */
  readonly page: Page;
  readonly registry: RegistryFixture | null;
  /** Where screenshots go (ends in '/'): docs/screenshots/ with UPDATE_SCREENSHOTS=1, a temp dir otherwise. */
  readonly shotDir: string;
  /** JSON calls with the admin token (json-api.ts). */
  readonly api: JsonApi;
  url(path: string): string;
  /** Opens `path` of the server in the tab. */
  go(path: string): Promise<void>;
  /** Signs the browser in as admin (again). */
  signIn(): Promise<void>;
  /** Closes the browser, stops the server (SIGTERM), removes the temp dirs; resolves to the server's exit. */
  close(): Promise<ExitResult>;
}

export async function browserSession(options: BrowserSessionOptions = {}): Promise<BrowserSession> {
  if (!existsSync(WEB_INDEX)) throw new Error(`${WEB_INDEX} is missing: build the web app first (npm run build -w @dash/web)`);
  const teardown = new Teardown();
  let exit: ExitResult | null = null;
  return teardown.guard(async () => {
    const shots = process.env.UPDATE_SCREENSHOTS ? null : teardown.add(await makeTempDir('dash-shots-'), (d) => d.cleanup());
    const registry = options.registry ? teardown.add(await makeRegistryFixture(), (r) => r.cleanup()) : null;
    const server = teardown.add(
      await startServer({
        bootstrapAdmin: options.bootstrapAdmin !== false,
        env: { ...(registry && { EMPLOYEE_REGISTRY_DIR: registry.path }), ...options.env },
      }),
      async (s) => (exit = await s.stop()),
    );
    const browser = teardown.add(await launchBrowser(options.browser), (b) => b.close());
    if (options.bootstrapAdmin !== false) await signIn(browser, server, options);
    const page = await browser.newPage();
    return {
      server,
      browser,
      page,
      registry,
      shotDir: shots ? `${shots.path}/` : DOCS_SCREENSHOTS,
      api: jsonApi(server),
      url: (path) => `${server.url}${path}`,
      go: async (path) => {
        await page.goto(`${server.url}${path}`);
      },
      signIn: () => browser.signIn(server),
      close: async () => {
        await teardown.run();
        if (exit === null) throw new Error('the server was not stopped');
        return exit;
      },
    };
  });
}

/** Chromium signed in to `server` as admin, with one tab open (the browser is closed if that fails). */
export async function signedInBrowser(server: SpawnedServer, options: SignInOptions = {}): Promise<{ browser: TestBrowser; page: Page }> {
  const browser = await launchBrowser(options.browser);
  try {
    await signIn(browser, server, options);
    return { browser, page: await browser.newPage() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

async function signIn(browser: TestBrowser, server: SpawnedServer, options: SignInOptions): Promise<void> {
  await browser.signIn(server);
  if (options.tokenHeaders) await browser.context.setExtraHTTPHeaders(server.authHeaders());
}
