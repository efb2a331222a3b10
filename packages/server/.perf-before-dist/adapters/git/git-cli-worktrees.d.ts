import type { WorkspaceFileChange } from '@dash/shared';
import type { CommandOutcome, GitWorktrees } from '../../ports/git-worktrees.js';
export declare class GitCliWorktrees implements GitWorktrees {
    resolveCommit(repo: string, ref: string): Promise<string>;
    currentBranch(repo: string): Promise<string | null>;
    isBranch(repo: string, ref: string): Promise<boolean>;
    addWorktree(repo: string, path: string, branch: string, commit: string): Promise<void>;
    copyInto(repo: string, path: string, files: readonly string[]): Promise<void>;
    runCommand(cwd: string, argv: readonly string[], timeoutMs: number): Promise<CommandOutcome>;
    changedFiles(path: string, baseCommit: string): Promise<WorkspaceFileChange[]>;
    filePatch(path: string, baseCommit: string, file: WorkspaceFileChange): Promise<string>;
    isDirty(path: string): Promise<boolean>;
    commitAll(path: string, message: string, author: {
        name: string;
        email: string;
    }): Promise<string>;
    merge(repo: string, base: string, branch: string, mode: 'ff' | 'merge', author: {
        name: string;
        email: string;
    }): Promise<string>;
    removeWorktree(repo: string, path: string, branch: string | null): Promise<void>;
    headCommit(path: string): Promise<string>;
}
