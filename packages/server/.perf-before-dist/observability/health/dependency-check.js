import { maskCredentials } from '../../config/mask-secrets.js';
export async function checkDependency(check, timeoutMs) {
    const base = { name: check.name, kind: check.kind, required: check.required };
    if (check.probe === null)
        return { ...base, status: 'not_configured', latencyMs: null, detail: null };
    const controller = new AbortController();
    const startedAt = performance.now();
    let timer;
    const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => {
            controller.abort();
            reject(new Error(`timed out after ${timeoutMs}ms`));
        }, timeoutMs);
    });
    try {
        const detail = await Promise.race([check.probe(controller.signal), timeout]);
        return { ...base, status: 'up', latencyMs: elapsed(startedAt), detail: detail ?? null };
    }
    catch (err) {
        return { ...base, status: 'down', latencyMs: elapsed(startedAt), detail: maskCredentials(reasonOf(err)).slice(0, 300) };
    }
    finally {
        clearTimeout(timer);
    }
}
export function checkDependencies(checks, timeoutMs) {
    return Promise.all(checks.map((check) => checkDependency(check, timeoutMs)));
}
/** `down` if a required dependency is down, `degraded` if an optional one is, else `ok`. */
export function overallStatus(dependencies) {
    const down = dependencies.filter((d) => d.status === 'down');
    if (down.some((d) => d.required))
        return 'down';
    return down.length > 0 ? 'degraded' : 'ok';
}
/** The error's message, followed by its cause's (AppErrors keep the driver's reason there). */
function reasonOf(err) {
    if (!(err instanceof Error))
        return String(err);
    const cause = err.cause instanceof Error && err.cause.message !== err.message ? `: ${err.cause.message}` : '';
    return `${err.message}${cause}`;
}
const elapsed = (startedAt) => Math.round((performance.now() - startedAt) * 100) / 100;
//# sourceMappingURL=dependency-check.js.map