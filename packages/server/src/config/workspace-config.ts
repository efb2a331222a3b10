/** Isolated task workspaces (docs/workspaces-and-approvals.md): repositories, setup timeout, cleanup age. */
import type { ParsedEnv } from './env-schema.js';

export interface WorkspacesConfig {
  /** WORKSPACE_REPOS: name → absolute path of a git repository. Empty = the feature is off. */
  repos: ReadonlyMap<string, string>;
  /** WORKSPACE_SETUP_TIMEOUT: a setup command is killed after it. @default 10 min */
  setupTimeoutMs: number;
  /** WORKSPACE_RETENTION: worktrees of finished tasks untouched this long are removed (branch kept). @default 7 d */
  retentionMs: number;
}

export function workspacesConfigFrom(e: ParsedEnv): { workspaces: WorkspacesConfig } {
  return {
    workspaces: {
      repos: new Map(e.WORKSPACE_REPOS ?? []),
      setupTimeoutMs: e.WORKSPACE_SETUP_TIMEOUT ?? 600_000,
      retentionMs: e.WORKSPACE_RETENTION ?? 7 * 24 * 3_600_000,
    },
  };
}

/** `name=/abs/path,name2=/abs/path2`: names as in the task's `workspace.repo`, absolute paths, no duplicates. */
export function parseWorkspaceRepos(raw: string): Array<[string, string]> | undefined {
  const entries: Array<[string, string]> = [];
  for (const part of raw.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const eq = part.indexOf('=');
    if (eq <= 0) return undefined;
    const name = part.slice(0, eq).trim();
    const path = part.slice(eq + 1).trim();
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(name) || !path.startsWith('/') || entries.some(([n]) => n === name)) return undefined;
    entries.push([name, path.replace(/(.)\/+$/, '$1')]);
  }
  return entries.length > 0 ? entries : undefined;
}
