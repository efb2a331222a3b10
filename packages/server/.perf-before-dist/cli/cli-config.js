/**
 * Where the CLI finds the server and its token: DASHBOARD_URL / DASHBOARD_TOKEN (environment) win
 * over the file `dashboard login` writes, `$XDG_CONFIG_HOME/dashboard/config.json` (else
 * `~/.config/dashboard/config.json`), created with mode 0600 in a 0700 directory: it holds a secret.
 */
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { CliError, EXIT } from './cli-error.js';
export const configPath = (env) => join(env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME !== '' ? env.XDG_CONFIG_HOME : join(env.HOME ?? homedir(), '.config'), 'dashboard', 'config.json');
/** A base URL without trailing slashes; http(s) only. */
export function normalizeUrl(raw) {
    let url;
    try {
        url = new URL(raw);
    }
    catch {
        throw new CliError(EXIT.usage, `not a URL: ${raw}`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
        throw new CliError(EXIT.usage, `expected an http:// or https:// URL, got ${raw}`);
    return url.toString().replace(/\/+$/, '');
}
export async function saveConfig(env, config) {
    const path = configPath(env);
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    await writeFile(path, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
    await chmod(path, 0o600); // an existing file keeps its mode on write
    return path;
}
export async function loadConfig(env) {
    let stored = {};
    try {
        const parsed = JSON.parse(await readFile(configPath(env), 'utf8'));
        if (parsed !== null && typeof parsed === 'object')
            stored = parsed;
    }
    catch (err) {
        if (err.code !== 'ENOENT')
            throw new CliError(EXIT.usage, `cannot read ${configPath(env)}: ${String(err)}`);
    }
    const url = env.DASHBOARD_URL && env.DASHBOARD_URL !== '' ? env.DASHBOARD_URL : stored.url;
    const token = env.DASHBOARD_TOKEN && env.DASHBOARD_TOKEN !== '' ? env.DASHBOARD_TOKEN : stored.token;
    if (typeof url !== 'string' || typeof token !== 'string' || token === '') {
        throw new CliError(EXIT.auth, 'not logged in: run `dashboard login --url <server> --token <token>` or set DASHBOARD_URL and DASHBOARD_TOKEN');
    }
    return { url: normalizeUrl(url), token };
}
//# sourceMappingURL=cli-config.js.map