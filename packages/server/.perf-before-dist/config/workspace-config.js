export function workspacesConfigFrom(e) {
    return {
        workspaces: {
            repos: new Map(e.WORKSPACE_REPOS ?? []),
            setupTimeoutMs: e.WORKSPACE_SETUP_TIMEOUT ?? 600_000,
            retentionMs: e.WORKSPACE_RETENTION ?? 7 * 24 * 3_600_000,
        },
    };
}
/** `name=/abs/path,name2=/abs/path2`: names as in the task's `workspace.repo`, absolute paths, no duplicates. */
export function parseWorkspaceRepos(raw) {
    const entries = [];
    for (const part of raw.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
        const eq = part.indexOf('=');
        if (eq <= 0)
            return undefined;
        const name = part.slice(0, eq).trim();
        const path = part.slice(eq + 1).trim();
        if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(name) || !path.startsWith('/') || entries.some(([n]) => n === name))
            return undefined;
        entries.push([name, path.replace(/(.)\/+$/, '$1')]);
    }
    return entries.length > 0 ? entries : undefined;
}
//# sourceMappingURL=workspace-config.js.map