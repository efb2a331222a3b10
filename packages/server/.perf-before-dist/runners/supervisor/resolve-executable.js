/**
 * Finding an executable the way execvp would, in code (no `which`, no shell): a name containing a
 * slash is a path (relative to the server's cwd); a bare name is searched on the given PATH.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
function check(path) {
    try {
        if (!statSync(path).isFile())
            return { problem: 'not_found', path };
    }
    catch {
        return { problem: 'not_found', path };
    }
    try {
        accessSync(path, constants.X_OK);
        return { path };
    }
    catch {
        return { problem: 'not_executable', path };
    }
}
export function resolveExecutable(nameOrPath, searchPath) {
    if (nameOrPath === '')
        return { problem: 'not_found', path: null };
    if (nameOrPath.includes('/'))
        return check(isAbsolute(nameOrPath) ? nameOrPath : resolve(nameOrPath));
    let firstProblem = null;
    for (const dir of (searchPath ?? '').split(delimiter)) {
        if (!dir)
            continue;
        const found = check(join(dir, nameOrPath));
        if (!('problem' in found))
            return found;
        if (found.problem === 'not_executable' && !firstProblem)
            firstProblem = found;
    }
    return firstProblem ?? { problem: 'not_found', path: null };
}
//# sourceMappingURL=resolve-executable.js.map