/**
 * Fitting memories into a prompt: the most relevant first, each as one block cited by its id, until
 * the token budget is spent. Tokens are estimated at 4 characters each (close enough for English
 * with the Claude and OpenAI tokenizers, and deliberately provider-neutral). A memory that does
 * not fit whole is cut to the remaining budget if at least MIN_PARTIAL_TOKENS remain; then packing
 * stops, so a long memory never pushes out everything after it silently.
 */
import type { MemoryType } from '@dash/shared';

export const CHARS_PER_TOKEN = 4;
const MIN_PARTIAL_TOKENS = 40;
export const CONTEXT_HEADER = 'Relevant memories (cite them by id, e.g. [mem_…], when you use them):';

export const estimateTokens = (text: string): number => Math.ceil(text.length / CHARS_PER_TOKEN);

export interface BudgetMemory {
  id: string;
  type: MemoryType;
  content: string;
  importance: number;
  createdAt: string;
}

export interface PackedMemory<T extends BudgetMemory> {
  memory: T;
  content: string;
  truncated: boolean;
  tokens: number;
}

export interface PackedContext<T extends BudgetMemory> {
  items: PackedMemory<T>[];
  prompt: string;
  tokensUsed: number;
}

const blockPrefix = (m: BudgetMemory): string => `[${m.id}] (${m.type}, ${m.createdAt.slice(0, 10)}, importance ${m.importance}) `;

export function packContext<T extends BudgetMemory>(ranked: readonly T[], tokenBudget: number): PackedContext<T> {
  const items: PackedMemory<T>[] = [];
  let used = estimateTokens(CONTEXT_HEADER) + 1;
  if (ranked.length === 0 || used >= tokenBudget) return { items, prompt: '', tokensUsed: 0 };
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
  if (items.length === 0) return { items, prompt: '', tokensUsed: 0 };
  const prompt = [CONTEXT_HEADER, ...items.map((i) => blockPrefix(i.memory) + i.content)].join('\n');
  return { items, prompt, tokensUsed: used };
}
