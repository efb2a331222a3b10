/**
 * MCP config files in a private directory: created on first use under the system temp directory
 * (mkdtemp, mode 0700), one file per run (mode 0600, written exclusively), removed with the run;
 * the whole directory goes at shutdown. A crash leaves only tokens that die with their runs.
 */
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
export class PrivateMcpConfigFiles {
    parent;
    dir = null;
    constructor(parent = tmpdir()) {
        this.parent = parent;
    }
    async write(runId, config) {
        const path = join(await this.directory(), fileName(runId));
        await writeFile(path, JSON.stringify(config), { mode: 0o600, flag: 'wx' });
        return path;
    }
    async remove(runId) {
        if (this.dir === null)
            return;
        await rm(join(await this.dir, fileName(runId)), { force: true });
    }
    async clear() {
        const dir = this.dir;
        this.dir = null;
        if (dir !== null)
            await rm(await dir, { recursive: true, force: true });
    }
    directory() {
        this.dir ??= mkdtemp(join(this.parent, 'dash-mcp-')).then(async (dir) => {
            await chmod(dir, 0o700);
            return dir;
        });
        return this.dir;
    }
}
/** Run ids are UUIDs; anything else is reduced to a safe file name. */
const fileName = (runId) => `${runId.replace(/[^A-Za-z0-9_-]/g, '_')}.json`;
//# sourceMappingURL=private-mcp-config-files.js.map