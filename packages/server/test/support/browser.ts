/**
 * A real browser for e2e tests and the UI benchmark: Debian's chromium (`/usr/bin/chromium`, from
 * `apt-get install -y chromium`; never `npx playwright install`) driven by playwright-core, with a
 * throw-away profile directory, headless and offline from everything but the server under test.
 *
 * Also a TCP proxy to put between the browser and the server, so a test can cut the network
 * (every open connection dropped, new ones refused) and restore it, the way a flaky link would.
 */
import { existsSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { chromium, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';
import { makeTempDir, type TempDir } from './temp-dir.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Timers of a background tab are throttled; a headless run has no foreground to speak of.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
];

export interface BrowserOptions {
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
  /** Extra chromium flags (e.g. `--enable-precise-memory-info`). */
  args?: string[];
}

export interface TestBrowser {
  readonly context: BrowserContext;
  /** A new tab whose console errors and page errors are collected in `problems`. */
  newPage(): Promise<Page>;
  /** Console errors and uncaught exceptions seen in any tab so far. */
  readonly problems: string[];
  /**
   * Signs the browser in (POST /api/auth/login through the context, so the httpOnly session
   * cookie lands in the browser's jar); pages opened afterwards are signed in.
   */
  signIn(server: { url: string; adminPassword: string | null }, username?: string): Promise<void>;
  close(): Promise<void>;
}

/** Launches chromium with a temporary profile (removed on close). */
export async function launchBrowser(options: BrowserOptions = {}): Promise<TestBrowser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium), or set CHROMIUM_PATH`);
  }
  const profile: TempDir = await makeTempDir('dash-chromium-');
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile.path, {
      executablePath: CHROMIUM,
      headless: true,
      args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
      viewport: options.viewport ?? { width: 1280, height: 900 },
      colorScheme: options.colorScheme ?? 'light',
      // Wall-clock times on the page are compared with the agent's: keep them honest.
      timezoneId: 'UTC',
    });
  } catch (error) {
    await profile.cleanup();
    throw error;
  }
  const problems: string[] = [];
  const watch = (page: Page): Page => {
    page.on('console', (message: ConsoleMessage) => {
      // The location names the resource for "Failed to load resource" errors, which have no URL in their text.
      if (message.type() === 'error') problems.push(`console: ${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    return page;
  };
  context.on('page', watch);
  context.pages().forEach(watch);
  return {
    context,
    problems,
    newPage: () => context.newPage(),
    async signIn(server, username = 'admin') {
      if (server.adminPassword === null) throw new Error('the server has no DASHBOARD_ADMIN_PASSWORD to sign in with');
      const res = await context.request.post(`${server.url}/api/auth/login`, { data: { username, password: server.adminPassword } });
      if (res.status() !== 200) throw new Error(`sign-in failed: ${res.status()} ${await res.text()}`);
    },
    async close() {
      await context.close().catch(() => undefined);
      await profile.cleanup();
    },
  };
}

/** Resolves when `predicate` holds, polling every `everyMs`; throws with `what` after `timeoutMs`. */
export async function eventually<T>(what: string, probe: () => Promise<T>, predicate: (value: T) => boolean, timeoutMs = 30_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await probe();
    if (predicate(last)) return last;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

export interface TranscriptRowInfo {
  index: number;
  seq: number;
  text: string;
}

/**
 * Every row of a virtualized transcript (`[data-test="transcript"]`, rows `[data-index]` holding a
 * `[data-seq]` element), collected by scrolling it from top to bottom. Returns the rows by index
 * and how many the list says it has (`aria-setsize`).
 */
export async function readTranscript(page: Page, selector = '[data-test="transcript"]'): Promise<{ rows: TranscriptRowInfo[]; setSize: number }> {
  // Runs in the page. A string, not a function: the server's test build has no DOM types.
  return page.evaluate<{ rows: TranscriptRowInfo[]; setSize: number }>(`(async (sel) => {
    const list = document.querySelector(sel);
    if (!list) throw new Error('no ' + sel);
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const seen = new Map();
    const collect = () => {
      for (const row of list.querySelectorAll('[data-index]')) {
        const index = Number(row.dataset.index);
        const seqHolder = row.querySelector('[data-seq]');
        const seq = seqHolder ? Number(seqHolder.dataset.seq) : NaN;
        seen.set(index, { index, seq, text: (row.textContent || '').replace(/\\s+/g, ' ').trim() });
      }
    };
    const atBottom = () => list.scrollTop + list.clientHeight >= list.scrollHeight - 1;
    list.scrollTop = 0;
    await frame();
    for (let guard = 0; guard < 100000; guard += 1) {
      collect();
      if (atBottom()) {
        // Heights are measured as rows render: settle once more before trusting the bottom.
        await frame();
        collect();
        if (atBottom()) break;
      }
      list.scrollTop += Math.max(40, list.clientHeight * 0.6);
      await frame();
    }
    const first = list.querySelector('[data-index]');
    const rows = [...seen.values()].sort((a, b) => a.index - b.index);
    return { rows, setSize: Number(first ? first.getAttribute('aria-setsize') : rows.length) };
  })(${JSON.stringify(selector)})`);
}

/**
 * A loopback TCP proxy to `target` (host:port). `cut()` destroys every open connection and
 * refuses new ones until `restore()`: to the browser the server vanished (WebSockets close with
 * 1006, fetches fail), then comes back on the same address.
 */
export class TcpProxy {
  private readonly sockets = new Set<Socket>();
  private down = false;
  /** Connections accepted so far (refused ones excluded). */
  connections = 0;

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(targetPort: number, targetHost = '127.0.0.1'): Promise<TcpProxy> {
    let proxy: TcpProxy | null = null;
    const server = createServer((client) => {
      if (!proxy || proxy.down) {
        client.destroy();
        return;
      }
      proxy.connections += 1;
      const upstream = createConnection({ port: targetPort, host: targetHost });
      for (const socket of [client, upstream]) {
        proxy.sockets.add(socket);
        socket.setNoDelay(true);
        socket.on('close', () => proxy?.sockets.delete(socket));
        socket.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream);
      upstream.pipe(client);
    });
    const port = await new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        if (typeof address === 'object' && address !== null) resolve(address.port);
        else reject(new Error('proxy has no port'));
      });
    });
    proxy = new TcpProxy(server, port);
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Drops every connection now and refuses new ones. */
  cut(): void {
    this.down = true;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  restore(): void {
    this.down = false;
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
