/**
 * Fitting memories into a prompt: the most relevant first, each as one block cited by its id, until
 * the token budget is spent. Tokens are estimated at 4 characters each (close enough for English
 * with the Claude and OpenAI tokenizers, and deliberately provider-neutral). A memory that does
 * not fit whole is cut to the remaining budget if at least MIN_PARTIAL_TOKENS remain; then packing
 * stops, so a long memory never pushes out everything after it silently.
 */
import type { MemoryType } from '@dash/shared';
export declare const CHARS_PER_TOKEN = 4;
export declare const CONTEXT_HEADER = "Relevant memories (cite them by id, e.g. [mem_\u2026], when you use them):";
export declare const estimateTokens: (text: string) => number;
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
export declare function packContext<T extends BudgetMemory>(ranked: readonly T[], tokenBudget: number): PackedContext<T>;
