/**
 * GitWorktrees over the `git` CLI: every call is spawn('git', [...argv]) — never a shell, so no
 * user text (branch, base, message, paths) is ever interpreted; refs are also validated by the
 * wire schema (no leading "-") and passed after `--` where git allows it.
 *
 * Merging into a base that is not checked out in the main repository does not touch any checkout:
 * a fast-forward moves the ref (`update-ref` with the old value, so a concurrent change fails),
 * a merge commit is built with `merge-tree --write-tree` (git ≥ 2.38) + `commit-tree`. A base that
 * is checked out there is merged with `git merge` in that checkout (git refuses when it is dirty).
 */
import { spawn } from 'node:child_process';
import { copyFile, mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { WorkspaceFileChange } from '@dash/shared';
import { AppError } from '../../domain/app-error.js';
import type { CommandOutcome, GitWorktrees } from '../../ports/git-worktrees.js';

const OUTPUT_TAIL = 16 * 1024;
const GIT_TIMEOUT_MS = 120_000;

interface GitResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Git with a fixed, quiet environment (no pager, no prompts, no editor). */
function git(cwd: string, args: readonly string[], env: Record<string, string> = {}): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, {
      cwd,
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', GIT_EDITOR: 'true', LC_ALL: 'C', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: GIT_TIMEOUT_MS,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

async function gitOk(cwd: string, args: readonly string[], env?: Record<string, string>): Promise<string> {
  const r = await git(cwd, args, env);
  if (r.code !== 0) throw new AppError('WORKSPACE_GIT_FAILED', { message: `git ${args[0] ?? ''} failed`, details: { args: args.slice(0, 4), stderr: r.stderr.slice(-2_000) } });
  return r.stdout;
}

const authorEnv = (a: { name: string; email: string }): Record<string, string> => ({
  GIT_AUTHOR_NAME: a.name,
  GIT_AUTHOR_EMAIL: a.email,
  GIT_COMMITTER_NAME: a.name,
  GIT_COMMITTER_EMAIL: a.email,
});

export class GitCliWorktrees implements GitWorktrees {
  async resolveCommit(repo: string, ref: string): Promise<string> {
    const r = await git(repo, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
    if (r.code !== 0) {
      throw new AppError('WORKSPACE_BASE_INVALID', { message: `${ref} is not a branch or commit of the repository`, fields: [{ path: 'body.workspace.base', message: 'no such branch or commit' }] });
    }
    return r.stdout.trim();
  }

  async currentBranch(repo: string): Promise<string | null> {
    const r = await git(repo, ['symbolic-ref', '--quiet', '--short', 'HEAD']);
    return r.code === 0 ? r.stdout.trim() : null;
  }

  async isBranch(repo: string, ref: string): Promise<boolean> {
    return (await git(repo, ['show-ref', '--verify', '--quiet', `refs/heads/${ref}`])).code === 0;
  }

  async isAncestor(repo: string, commit: string, ref: string): Promise<boolean> {
    const r = await git(repo, ['merge-base', '--is-ancestor', '--end-of-options', commit, ref]);
    if (r.code === 0 || r.code === 1) return r.code === 0;
    throw new AppError('WORKSPACE_GIT_FAILED', { message: 'git merge-base failed', details: { args: ['merge-base', '--is-ancestor'], stderr: r.stderr.slice(-2_000) } });
  }

  async addWorktree(repo: string, path: string, branch: string, commit: string): Promise<void> {
    await mkdir(dirname(path), { recursive: true });
    if (await this.isBranch(repo, branch)) await gitOk(repo, ['worktree', 'add', '--', path, branch]);
    else await gitOk(repo, ['worktree', 'add', '-b', branch, '--', path, commit]);
  }

  async copyInto(repo: string, path: string, files: readonly string[]): Promise<void> {
    for (const file of files) {
      await mkdir(dirname(`${path}/${file}`), { recursive: true });
      await copyFile(`${repo}/${file}`, `${path}/${file}`);
    }
  }

  runCommand(cwd: string, argv: readonly string[], timeoutMs: number): Promise<CommandOutcome> {
    return new Promise((resolve) => {
      const [cmd, ...args] = argv;
      if (cmd === undefined) {
        resolve({ exitCode: null, output: 'empty command', timedOut: false });
        return;
      }
      let output = '';
      let timedOut = false;
      const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
      const keep = (d: Buffer): void => {
        output = (output + d.toString('utf8')).slice(-OUTPUT_TAIL);
      };
      child.stdout.on('data', keep);
      child.stderr.on('data', keep);
      const timer = setTimeout(() => {
        timedOut = true;
        // The whole process group: a setup script's children go too.
        if (child.pid !== undefined) {
          try {
            process.kill(-child.pid, 'SIGKILL');
          } catch {
            child.kill('SIGKILL');
          }
        }
      }, timeoutMs);
      child.on('error', (err) => {
        clearTimeout(timer);
        resolve({ exitCode: null, output: `${output}${String(err)}`, timedOut: false });
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ exitCode: code, output, timedOut });
      });
    });
  }

  async changedFiles(path: string, baseCommit: string): Promise<WorkspaceFileChange[]> {
    const byPath = new Map<string, WorkspaceFileChange>();
    // Committed and uncommitted tracked changes against the base (the working tree vs. base).
    const numstat = await gitOk(path, ['diff', '--numstat', '-z', '--no-renames', baseCommit, '--']);
    const status = await gitOk(path, ['diff', '--name-status', '-z', '--no-renames', baseCommit, '--']);
    const statusParts = status.split('\0').filter((s) => s !== '');
    for (let i = 0; i + 1 < statusParts.length; i += 2) byPath.set(statusParts[i + 1] as string, { path: statusParts[i + 1] as string, status: statusParts[i] as string, additions: null, deletions: null });
    for (const entry of numstat.split('\0').filter((s) => s !== '')) {
      const [add, del, file] = entry.split('\t');
      const known = file === undefined ? undefined : byPath.get(file);
      if (known) {
        known.additions = add === '-' ? null : Number(add);
        known.deletions = del === '-' ? null : Number(del);
      }
    }
    const untracked = await gitOk(path, ['ls-files', '--others', '--exclude-standard', '-z']);
    for (const file of untracked.split('\0').filter((s) => s !== '')) {
      if (!byPath.has(file)) byPath.set(file, { path: file, status: '?', additions: null, deletions: null });
    }
    return [...byPath.values()].sort((a, b) => a.path.localeCompare(b.path));
  }

  async filePatch(path: string, baseCommit: string, file: WorkspaceFileChange): Promise<string> {
    if (file.status === '?') {
      // Untracked: diffed against /dev/null (exit 1 means "differs").
      const r = await git(path, ['diff', '--no-index', '--', '/dev/null', file.path]);
      return r.stdout;
    }
    return gitOk(path, ['diff', '--no-renames', baseCommit, '--', file.path]);
  }

  async isDirty(path: string): Promise<boolean> {
    return (await gitOk(path, ['status', '--porcelain', '-z'])).length > 0;
  }

  async commitAll(path: string, message: string, author: { name: string; email: string }): Promise<string> {
    await gitOk(path, ['add', '-A']);
    await gitOk(path, ['commit', '--no-verify', '-q', '-m', message], authorEnv(author));
    return this.headCommit(path);
  }

  async snapshot(path: string, branch: string, message: string, author: { name: string; email: string }): Promise<string | null> {
    try {
      await stat(path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    if (!(await this.isDirty(path))) return null;
    const on = await this.currentBranch(path);
    if (on !== branch) {
      throw new AppError('WORKSPACE_GIT_FAILED', { message: `The worktree is not on ${branch}: its changes were not committed`, details: { path, branch, checkedOut: on } });
    }
    return this.commitAll(path, message, author);
  }

  async merge(repo: string, base: string, branch: string, mode: 'ff' | 'merge', author: { name: string; email: string }): Promise<string> {
    const baseRef = `refs/heads/${base}`;
    const baseCommit = (await gitOk(repo, ['rev-parse', '--verify', '--end-of-options', baseRef])).trim();
    const branchCommit = (await gitOk(repo, ['rev-parse', '--verify', '--end-of-options', `refs/heads/${branch}`])).trim();
    const canFastForward = (await git(repo, ['merge-base', '--is-ancestor', baseCommit, branchCommit])).code === 0;
    const checkedOut = (await git(repo, ['symbolic-ref', '--quiet', 'HEAD'])).stdout.trim() === baseRef;
    if (checkedOut) {
      const r = await git(repo, ['merge', mode === 'ff' ? '--ff-only' : '--no-edit', '--end-of-options', branch], authorEnv(author));
      if (r.code !== 0) {
        await git(repo, ['merge', '--abort']);
        throw conflict(r.stdout + r.stderr, mode === 'ff' && !canFastForward);
      }
      return (await gitOk(repo, ['rev-parse', 'HEAD'])).trim();
    }
    if (canFastForward) {
      await gitOk(repo, ['update-ref', baseRef, branchCommit, baseCommit]);
      return branchCommit;
    }
    if (mode === 'ff') throw conflict('', true);
    const tree = await git(repo, ['merge-tree', '--write-tree', '--name-only', '--no-messages', baseCommit, branchCommit]);
    if (tree.code !== 0) throw conflict(tree.stdout.split('\n').slice(1).join('\n'), false);
    const treeId = tree.stdout.split('\n')[0]?.trim() ?? '';
    const merged = (await gitOk(repo, ['commit-tree', treeId, '-p', baseCommit, '-p', branchCommit, '-m', `Merge ${branch} into ${base}`], authorEnv(author))).trim();
    await gitOk(repo, ['update-ref', baseRef, merged, baseCommit]);
    return merged;
  }

  async removeWorktree(repo: string, path: string, branch: string | null): Promise<void> {
    const r = await git(repo, ['worktree', 'remove', '--force', '--', path]);
    if (r.code !== 0) await git(repo, ['worktree', 'prune']);
    if (branch !== null) await git(repo, ['branch', '-D', '--', branch]);
  }

  async headCommit(path: string): Promise<string> {
    return (await gitOk(path, ['rev-parse', 'HEAD'])).trim();
  }
}

function conflict(output: string, notFastForward: boolean): AppError {
  const files = output.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.includes(' '));
  return new AppError('WORKSPACE_MERGE_CONFLICT', {
    message: notFastForward ? 'The base has moved: the branch cannot be fast-forwarded (merge with mode "merge")' : 'The branch does not merge cleanly into its base',
    details: { files: files.slice(0, 50) },
  });
}
