/**
 * Matches key sequences such as `g o` (press `g`, then `o` within `timeoutMs`) or single keys such
 * as `?`. Pure and clock-injected so the timing rules are testable without a DOM.
 */
export interface KeySequence {
  readonly keys: readonly string[];
}

export interface SequenceMatcher<T extends KeySequence> {
  /** Feeds one key press; returns the completed sequence, if any. */
  feed(key: string, now: number): T | null;
  /** True while a prefix (e.g. `g`) waits for its next key. */
  readonly pending: boolean;
  reset(): void;
}

/** @param timeoutMs max gap between two keys of one sequence. @default 1500 ms */
export function createSequenceMatcher<T extends KeySequence>(
  sequences: readonly T[],
  timeoutMs = 1500,
): SequenceMatcher<T> {
  let buffer: string[] = [];
  let lastAt = Number.NEGATIVE_INFINITY;

  const startsWith = (keys: readonly string[], prefix: readonly string[]): boolean =>
    prefix.length <= keys.length && prefix.every((key, i) => keys[i] === key);

  // Returns the match, or keeps `keys` as the pending prefix, or clears the buffer.
  function attempt(keys: string[]): T | null | 'no-match' {
    const exact = sequences.find((s) => s.keys.length === keys.length && startsWith(s.keys, keys));
    if (exact) {
      buffer = [];
      return exact;
    }
    if (sequences.some((s) => startsWith(s.keys, keys))) {
      buffer = keys;
      return null;
    }
    buffer = [];
    return 'no-match';
  }

  return {
    feed(key, now) {
      if (now - lastAt > timeoutMs) buffer = [];
      lastAt = now;
      const result = attempt([...buffer, key]);
      // A wrong second key may still start a new sequence on its own (`g x g o`).
      if (result === 'no-match') {
        const fresh = attempt([key]);
        return fresh === 'no-match' ? null : fresh;
      }
      return result;
    },
    get pending() {
      return buffer.length > 0;
    },
    reset() {
      buffer = [];
    },
  };
}
