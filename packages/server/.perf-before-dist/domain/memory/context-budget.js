export const CHARS_PER_TOKEN = 4;
const MIN_PARTIAL_TOKENS = 40;
export const CONTEXT_HEADER = 'Relevant memories (cite them by id, e.g. [mem_…], when you use them):';
export const estimateTokens = (text) => Math.ceil(text.length / CHARS_PER_TOKEN);
const blockPrefix = (m) => `[${m.id}] (${m.type}, ${m.createdAt.slice(0, 10)}, importance ${m.importance}) `;
export function packContext(ranked, tokenBudget) {
    const items = [];
    let used = estimateTokens(CONTEXT_HEADER) + 1;
    if (ranked.length === 0 || used >= tokenBudget)
        return { items, prompt: '', tokensUsed: 0 };
    for (const memory of ranked) {
        const prefix = blockPrefix(memory);
        const whole = estimateTokens(prefix + memory.content) + 1;
        if (used + whole <= tokenBudget) {
            items.push({ memory, content: memory.content, truncated: false, tokens: whole });
            used += whole;
            continue;
        }
        const left = tokenBudget - used - estimateTokens(prefix) - 1;
        if (left >= MIN_PARTIAL_TOKENS) {
            const content = `${memory.content.slice(0, left * CHARS_PER_TOKEN - 1).trimEnd()}…`;
            const tokens = estimateTokens(prefix + content) + 1;
            items.push({ memory, content, truncated: true, tokens });
            used += tokens;
        }
        break;
    }
    if (items.length === 0)
        return { items, prompt: '', tokensUsed: 0 };
    const prompt = [CONTEXT_HEADER, ...items.map((i) => blockPrefix(i.memory) + i.content)].join('\n');
    return { items, prompt, tokensUsed: used };
}
//# sourceMappingURL=context-budget.js.map