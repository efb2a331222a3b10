/**
 * Parses the template files of a directory into templates, or into issues that name the place:
 * the file, the phase (its key, or `phases.<i>` when the key itself is bad) and the field
 * (`phases.3.requiredRoles.0`). All files or none: one bad file makes the whole set invalid, so a
 * reload never applies half a change. Checks: JSON syntax, the shared `workflowTemplateFile`
 * schema (roles and skills from the shared vocabularies, phase graph without cycles), and ids
 * unique across files.
 */
import { workflowTemplateFile } from '@dash/shared';
export function parseTemplateFiles(files) {
    const issues = [];
    const templates = [];
    const owners = new Map();
    for (const file of files) {
        const parsed = parseTemplateFile(file);
        if (!parsed.ok) {
            issues.push(...parsed.issues);
            continue;
        }
        const owner = owners.get(parsed.template.id);
        if (owner !== undefined) {
            issues.push({ file: file.name, phase: null, path: 'id', message: `Template id "${parsed.template.id}" is also used by ${owner}` });
            continue;
        }
        owners.set(parsed.template.id, file.name);
        templates.push(parsed.template);
    }
    return issues.length > 0 ? { ok: false, issues } : { ok: true, templates };
}
export function parseTemplateFile(file) {
    let json;
    try {
        json = JSON.parse(file.text);
    }
    catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        return { ok: false, issues: [{ file: file.name, phase: null, path: '', message: `Not valid JSON: ${reason}` }] };
    }
    const parsed = workflowTemplateFile.safeParse(json);
    if (!parsed.success) {
        return {
            ok: false,
            issues: parsed.error.issues.map((issue) => ({
                file: file.name,
                phase: phaseOf(json, issue.path),
                path: issue.path.map((p) => String(p)).join('.'),
                message: friendlyMessage(json, issue.path, issue.code, issue.message),
            })),
        };
    }
    const { version: _version, ...template } = parsed.data;
    return { ok: true, template: { ...template, file: file.name } };
}
/** One line naming the first issue: `bug-fix.json, phase "review", phases.4.requiredRoles.0: Unknown role "wizard" (and 2 more)`. */
export function describeTemplateIssues(issues) {
    const [first] = issues;
    if (first === undefined)
        return 'invalid';
    const where = [first.file, first.phase === null ? null : `phase "${first.phase}"`, first.path === '' ? null : first.path].filter(Boolean).join(', ');
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    return `${where}: ${first.message}${more}`;
}
function valueAt(json, path) {
    let node = json;
    for (const segment of path) {
        if (typeof node !== 'object' || node === null)
            return undefined;
        node = node[segment];
    }
    return node;
}
function phaseOf(json, path) {
    if (path[0] !== 'phases' || typeof path[1] !== 'number')
        return null;
    const key = valueAt(json, ['phases', path[1], 'key']);
    return typeof key === 'string' && key !== '' ? key : `phases.${path[1]}`;
}
/** Enum misses on roles and skills say which value is unknown instead of listing the vocabulary. */
function friendlyMessage(json, path, code, message) {
    if (code !== 'invalid_value')
        return message;
    const field = path.find((p) => p === 'requiredRoles' || p === 'optionalRoles' || p === 'skills');
    if (field === undefined)
        return message;
    const value = valueAt(json, path);
    const what = field === 'skills' ? 'skill (see GET /api/skills)' : 'role (see the employee registry roles)';
    return `Unknown ${what}: ${JSON.stringify(value)}`;
}
//# sourceMappingURL=parse-templates.js.map