import { AppError } from '../../domain/app-error.js';
import { issuesFrom } from '../../domain/employees/registry-issues.js';
export function parseInput(schema, input, part = 'body') {
    const parsed = schema.safeParse(input);
    if (parsed.success)
        return parsed.data;
    throw new AppError('VALIDATION_FAILED', { fields: issuesFrom(parsed.error.issues, [part]) });
}
//# sourceMappingURL=parse-input.js.map