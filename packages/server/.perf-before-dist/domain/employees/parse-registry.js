/**
 * Parses the registry file's text: JSON syntax, then the shared `registryFile` schema with its
 * cross-field rules (unique ids, declared departments, heads that exist and belong). Prompt-file
 * existence needs the disk and is checked by the registry service through its source port.
 */
import { registryFile } from '@dash/shared';
import { issuesFrom } from './registry-issues.js';
export function parseRegistryText(text) {
    let json;
    try {
        json = JSON.parse(text);
    }
    catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        return { ok: false, issues: [{ path: '', message: `Not valid JSON: ${reason}` }] };
    }
    const parsed = registryFile.safeParse(json);
    return parsed.success ? { ok: true, registry: parsed.data } : { ok: false, issues: issuesFrom(parsed.error.issues) };
}
//# sourceMappingURL=parse-registry.js.map