/**
 * Writes `employee-registry.json` back into its folder: the new text goes to a temp file beside it
 * (same file system), is flushed, the current file is copied to `employee-registry.json.bak`, and
 * the temp file is renamed over the original, so readers (and the registry's own file watch) see
 * the old file or the new one, never half of one. Unchanged content is left alone unless forced.
 */
import { createHash, randomBytes } from 'node:crypto';
import { copyFile, open, readFile, rename, rm } from 'node:fs/promises';
import { AppError } from '../../domain/app-error.js';
const sha256 = (text) => createHash('sha256').update(text, 'utf8').digest('hex');
export class RegistryFileWriter {
    path;
    constructor(path) {
        this.path = path;
    }
    async write(text, options) {
        const current = await readFile(this.path, 'utf8').catch((err) => {
            if (err.code === 'ENOENT')
                return null;
            throw failed(err);
        });
        const digest = sha256(text);
        if (current === text && !options.force)
            return { path: this.path, written: false, backupPath: null, sha256: digest };
        const temp = `${this.path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
        const backupPath = current === null ? null : `${this.path}.bak`;
        try {
            const handle = await open(temp, 'wx', 0o644);
            try {
                await handle.writeFile(text, 'utf8');
                await handle.sync();
            }
            finally {
                await handle.close();
            }
            if (backupPath !== null)
                await copyFile(this.path, backupPath);
            await rename(temp, this.path);
        }
        catch (err) {
            await rm(temp, { force: true }).catch(() => undefined);
            throw failed(err);
        }
        return { path: this.path, written: true, backupPath, sha256: digest };
    }
}
const failed = (cause) => new AppError('BRIDGE_REGISTRY_WRITE_FAILED', { message: `Writing the employee registry failed: ${cause instanceof Error ? cause.message : String(cause)}`, cause });
//# sourceMappingURL=registry-file-writer.js.map