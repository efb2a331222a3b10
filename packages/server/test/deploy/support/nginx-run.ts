/**
 * Renders nginx/render-nginx-conf.mjs configurations into a temporary prefix and checks or runs
 * them with the machine's nginx as a plain process (no root-owned paths, no daemon), the way a
 * local topology runs it in front of backend replicas on loopback.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderNginxConf, type NginxOptions } from '../../../../../nginx/render-nginx-conf.mjs';
import { requireTool, runTool, type ToolResult } from './tools.js';

export interface NginxPrefix {
  dir: string;
  confFile: string;
  errorLog: string;
  accessLog: string;
  cleanup(): void;
}

/** A temp directory nginx's workers (`nobody` when the tests run as root) can read. */
export function openDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o755);
  return dir;
}

/** Writes `conf` (or the rendering of `options` with this prefix's paths) into a fresh prefix. */
export function nginxPrefix(options: Omit<NginxOptions, 'runtimeDir' | 'accessLog' | 'errorLog'> | { text: string }): NginxPrefix {
  const dir = openDir('dash-nginx-');
  const errorLog = join(dir, 'error.log');
  const accessLog = join(dir, 'access.log');
  const confFile = join(dir, 'nginx.conf');
  const text = 'text' in options ? options.text : renderNginxConf({ ...options, runtimeDir: dir, accessLog, errorLog });
  writeFileSync(confFile, text);
  return { dir, confFile, errorLog, accessLog, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** `nginx -t -c FILE -p PREFIX`. */
export function nginxTest(prefix: NginxPrefix): ToolResult {
  return runTool('nginx', ['-t', '-q', '-c', prefix.confFile, '-p', prefix.dir]);
}

export interface RunningNginx {
  child: ChildProcess;
  stop(): Promise<void>;
  errorLog(): string;
  accessLog(): string;
}

/** Starts nginx in the foreground; resolves once its pid file exists (it then accepts). */
export async function startNginx(prefix: NginxPrefix): Promise<RunningNginx> {
  const child = spawn(requireTool('nginx'), ['-c', prefix.confFile, '-p', prefix.dir, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const pidFile = join(prefix.dir, 'nginx.pid');
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited at start: ${stderr}${safeRead(prefix.errorLog)}`);
    try {
      if (readFileSync(pidFile, 'utf8').trim() !== '') break;
    } catch {
      // not written yet
    }
    if (i > 400) throw new Error(`nginx did not start: ${stderr}${safeRead(prefix.errorLog)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  return {
    child,
    errorLog: () => safeRead(prefix.errorLog),
    accessLog: () => safeRead(prefix.accessLog),
    async stop() {
      if (child.exitCode === null) child.kill('SIGQUIT');
      await exited;
    },
  };
}

function safeRead(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
