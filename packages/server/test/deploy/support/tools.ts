/**
 * The real tools the deployment artifacts are checked with (nginx, promtool, amtool, shellcheck,
 * kubectl, pg_dump...). A missing tool FAILS the test with the Debian package that provides it
 * (.ci/run installs them); nothing is skipped. Tools run with argv arrays, never through a shell.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO = fileURLToPath(new URL('../../../../../', import.meta.url));

export const repoPath = (...parts: string[]): string => join(REPO, ...parts);
export const readRepoFile = (...parts: string[]): string => readFileSync(repoPath(...parts), 'utf8');

/** Debian package of each tool, for the failure message. */
const PACKAGES: Record<string, string> = {
  nginx: 'nginx',
  promtool: 'prometheus',
  amtool: 'prometheus-alertmanager',
  shellcheck: 'shellcheck',
  kubectl: 'kubectl',
  openssl: 'openssl',
  pg_dump: 'postgresql-client',
  pg_restore: 'postgresql-client',
  psql: 'postgresql-client',
};

const SEARCH = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

/** Absolute path of `name`, or a thrown error naming the package to install. */
export function requireTool(name: string): string {
  for (const dir of SEARCH) {
    const candidate = join(dir, name);
    if (dir !== '' && existsSync(candidate)) return candidate;
  }
  throw new Error(`${name} is not installed: these tests need it (apt-get install ${PACKAGES[name] ?? name}; .ci/run installs it)`);
}

export interface ToolResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr together, for assertion messages. */
  output: string;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  input?: string;
  timeoutMs?: number;
}

/** Runs a tool to completion (synchronously: these are short checks). */
export function runTool(name: string, args: readonly string[], options: RunOptions = {}): ToolResult {
  const res = spawnSync(name.includes('/') ? name : requireTool(name), args, {
    cwd: options.cwd ?? REPO,
    env: options.env ?? process.env,
    input: options.input,
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 60_000,
  });
  if (res.error) throw res.error;
  const stdout = res.stdout ?? '';
  const stderr = res.stderr ?? '';
  return { code: res.status, stdout, stderr, output: `${stdout}${stderr}` };
}

/** Like runTool, without blocking the event loop (for tools that talk to servers this process runs). */
export function runToolAsync(name: string, args: readonly string[], options: RunOptions = {}): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(name.includes('/') ? name : requireTool(name), args, {
      cwd: options.cwd ?? REPO,
      env: options.env ?? process.env,
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, output: `${stdout}${stderr}` });
    });
    if (child.stdin) {
      // A tool may exit before reading its input; that is its answer, not an error here.
      child.stdin.on('error', () => undefined);
      child.stdin.end(options.input);
    }
  });
}
