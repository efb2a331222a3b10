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
export declare function workspacesConfigFrom(e: ParsedEnv): {
    workspaces: WorkspacesConfig;
};
/** `name=/abs/path,name2=/abs/path2`: names as in the task's `workspace.repo`, absolute paths, no duplicates. */
export declare function parseWorkspaceRepos(raw: string): Array<[string, string]> | undefined;
