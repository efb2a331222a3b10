/**
 * Which agent CLIs are installed: resolve each runner's binary (configured path or PATH lookup,
 * in code), run `<bin> ...versionArgs` through execFile (argv, no shell) with a timeout and read
 * the version. Answers are cached briefly: the runtimes page may poll, and `--version` of a
 * Node-based CLI costs a few hundred milliseconds.
 */
import { execFile } from 'node:child_process';
import { resolveExecutable } from './resolve-executable.js';
/** The first dotted version number in a CLI's `--version` output. */
export function defaultParseVersion(output) {
    return /\d+\.\d+(?:\.\d+)?(?:[-+][\w.-]+)?/.exec(output)?.[0] ?? null;
}
export class RuntimeDetector {
    options;
    cached = null;
    constructor(options) {
        this.options = options;
    }
    detect() {
        const now = this.options.clock.now();
        if (this.cached && now - this.cached.at < this.options.cacheMs)
            return this.cached.value;
        const value = Promise.all(this.options.runners.map((runner) => this.detectOne(runner)));
        this.cached = { at: now, value };
        return value;
    }
    async detectOne(runner) {
        const { runtime } = runner;
        const name = this.options.binaryPaths[runtime] ?? runner.binary;
        const resolved = resolveExecutable(name, this.options.baseEnv.PATH);
        if ('problem' in resolved) {
            const reason = resolved.problem === 'not_executable'
                ? `${resolved.path ?? name} is not executable`
                : name.includes('/')
                    ? `${name} does not exist`
                    : `${name} was not found on PATH`;
            return { runtime, installed: false, path: null, version: null, reason };
        }
        if (runner.versionArgs.length === 0) {
            return { runtime, installed: true, path: resolved.path, version: null, reason: null };
        }
        try {
            const output = await this.run(resolved.path, [...runner.versionArgs]);
            const version = (runner.parseVersion ?? defaultParseVersion)(output);
            return { runtime, installed: true, path: resolved.path, version, reason: null };
        }
        catch (err) {
            const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
            return {
                runtime,
                installed: false,
                path: resolved.path,
                version: null,
                reason: `\`${name} ${runner.versionArgs.join(' ')}\` failed: ${message}`,
            };
        }
    }
    run(path, args) {
        return new Promise((resolve, reject) => {
            execFile(path, args, { env: this.options.baseEnv, timeout: this.options.timeoutMs, maxBuffer: 256 * 1024, windowsHide: true }, (error, stdout, stderr) => {
                if (error)
                    reject(error);
                else
                    resolve(`${stdout}\n${stderr}`);
            });
        });
    }
}
//# sourceMappingURL=runtime-detector.js.map