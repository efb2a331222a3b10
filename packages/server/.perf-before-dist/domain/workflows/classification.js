/**
 * Choosing a template by asking an agent: the classification task's description lists the
 * templates and asks for a one-line JSON answer; the answer is the run's final text. The last
 * JSON object in the text that has a `templateId` string counts, and the id must be one of the
 * templates offered (nothing falls back silently: a wrong answer fails the run with
 * WORKFLOW_CLASSIFICATION_FAILED, and the person starts it again or names the template).
 */
import { TASK_DESCRIPTION_MAX, TASK_TITLE_MAX } from '@dash/shared';
export function classificationTitle(runTitle) {
    const suffix = ' · choose a workflow';
    return runTitle.length + suffix.length > TASK_TITLE_MAX ? `${runTitle.slice(0, TASK_TITLE_MAX - suffix.length - 1)}…${suffix}` : `${runTitle}${suffix}`;
}
export function classificationDescription(request, templates) {
    const lines = [
        'Choose the workflow that fits this request best. Do not do the work itself.',
        '',
        `## Request: ${request.title}`,
        request.request,
        '',
        '## Workflows',
        ...templates.map((t) => `- ${t.id}: ${t.name}. ${t.description} Phases: ${t.phases.map((p) => p.name).join(' → ')}.`),
        '',
        '## Answer',
        'End your answer with one line of JSON, exactly:',
        '{"templateId": "<one of the ids above>", "reason": "<one sentence>"}',
    ];
    const text = lines.join('\n');
    return text.length > TASK_DESCRIPTION_MAX ? `${text.slice(0, TASK_DESCRIPTION_MAX - 1)}…` : text;
}
export function parseClassificationAnswer(text, knownIds) {
    if (text === null || text.trim() === '')
        return { ok: false, message: 'The classification run gave no answer' };
    let found = null;
    for (const candidate of text.match(/\{[^{}]*\}/g) ?? []) {
        try {
            const value = JSON.parse(candidate);
            if (typeof value === 'object' && value !== null && typeof value.templateId === 'string') {
                const { templateId, reason } = value;
                found = { templateId: templateId.trim(), reason: typeof reason === 'string' && reason.trim() !== '' ? reason.trim().slice(0, 500) : null };
            }
        }
        catch {
            // not JSON: keep looking
        }
    }
    if (found === null)
        return { ok: false, message: 'The answer has no {"templateId": …} JSON object' };
    if (!knownIds.includes(found.templateId)) {
        return { ok: false, message: `The agent chose "${found.templateId}", which is not one of: ${knownIds.join(', ')}` };
    }
    return { ok: true, ...found };
}
//# sourceMappingURL=classification.js.map