/**
 * Confines agent working directories to configured roots. A directory is allowed only if its real
 * path (symlinks resolved) is one of the roots or inside one; `..`, absolute paths elsewhere and
 * symlinks that leave a root are refused.
 */
import { mkdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../domain/app-error.js';
export class WorkdirPolicy {
    roots;
    realRoots = null;
    constructor(roots) {
        this.roots = roots;
        if (roots.length === 0)
            throw new Error('WorkdirPolicy needs at least one root');
    }
    /** The first root, where default per-run directories are created. */
    get primaryRoot() {
        return this.roots[0];
    }
    /**
     * Resolves a requested directory (absolute, or relative to the primary root) to its real path,
     * or creates `<primary root>/runs/<runId>` when none is given.
     */
    async resolve(requested, runId) {
        const roots = await this.rootsReal();
        if (requested === undefined || requested === '') {
            const dir = path.join(roots[0], 'runs', runId);
            await mkdir(dir, { recursive: true });
            return dir;
        }
        const candidate = path.resolve(this.primaryRoot, requested);
        let real;
        try {
            real = await realpath(candidate);
            if (!(await stat(real)).isDirectory())
                throw new Error('not a directory');
        }
        catch {
            throw new AppError('WORKDIR_NOT_FOUND', {
                message: `Working directory ${requested} does not exist or is not a directory`,
                fields: [{ path: 'body.cwd', message: 'must be an existing directory' }],
            });
        }
        if (!roots.some((root) => isInside(real, root))) {
            throw new AppError('WORKDIR_OUTSIDE_ROOTS', {
                message: `Working directory ${requested} is outside the allowed roots`,
                fields: [{ path: 'body.cwd', message: `must be inside one of: ${this.roots.join(', ')}` }],
            });
        }
        return real;
    }
    rootsReal() {
        this.realRoots ??= Promise.all(this.roots.map(async (root) => {
            await mkdir(root, { recursive: true });
            return realpath(root);
        }));
        return this.realRoots;
    }
}
const isInside = (child, root) => {
    if (child === root)
        return true;
    const rel = path.relative(root, child);
    return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
};
//# sourceMappingURL=workdir-policy.js.map