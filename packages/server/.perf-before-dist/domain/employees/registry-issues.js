export const formatIssuePath = (path, prefix = []) => [...prefix, ...path.map((segment) => (typeof segment === 'symbol' ? segment.description ?? '' : String(segment)))].join('.');
export function issuesFrom(issues, prefix = []) {
    return issues.map((issue) => ({ path: formatIssuePath(issue.path, prefix), message: issue.message }));
}
/** One line for logs and start-up errors: `employees.3.skills.0: Invalid option (and 2 more)`. */
export function describeIssues(issues) {
    const [first] = issues;
    if (first === undefined)
        return 'invalid';
    const where = first.path === '' ? '' : `${first.path}: `;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    return `${where}${first.message}${more}`;
}
//# sourceMappingURL=registry-issues.js.map