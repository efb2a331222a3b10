export const BASE_ARGS = ['-p', '--output-format', 'stream-json', '--verbose', '--input-format', 'stream-json'];
const toolList = (tools) => {
    const names = (tools ?? []).map((t) => t.trim()).filter((t) => t.length > 0);
    return names.length > 0 ? names.join(',') : null;
};
export function buildClaudeArgs(spec) {
    const args = [...BASE_ARGS];
    if (spec.systemPrompt !== undefined && spec.systemPrompt.trim() !== '')
        args.push(`--append-system-prompt=${spec.systemPrompt}`);
    if (spec.model !== undefined && spec.model !== '')
        args.push(`--model=${spec.model}`);
    // The CLI needs a positive integer; the API already enforces 1..1000.
    if (spec.maxTurns !== undefined && Number.isInteger(spec.maxTurns) && spec.maxTurns > 0)
        args.push(`--max-turns=${String(spec.maxTurns)}`);
    const allowed = toolList(spec.allowedTools);
    if (allowed)
        args.push(`--allowedTools=${allowed}`);
    const disallowed = toolList(spec.disallowedTools);
    if (disallowed)
        args.push(`--disallowedTools=${disallowed}`);
    if (spec.permissionMode !== undefined)
        args.push(`--permission-mode=${spec.permissionMode}`);
    if (spec.resumeSessionId !== undefined && spec.resumeSessionId !== '')
        args.push(`--resume=${spec.resumeSessionId}`);
    if (spec.mcpConfigPath !== undefined && spec.mcpConfigPath !== '')
        args.push(`--mcp-config=${spec.mcpConfigPath}`);
    if (spec.permissionPromptTool !== undefined && spec.permissionPromptTool !== '')
        args.push(`--permission-prompt-tool=${spec.permissionPromptTool}`);
    return args;
}
/** One stream-json user message: the only input shape the CLI needs (verified with 2.1.332). */
export function encodeUserMessage(text) {
    return JSON.stringify({ type: 'user', message: { role: 'user', content: [{ type: 'text', text }] } });
}
//# sourceMappingURL=claude-code-args.js.map