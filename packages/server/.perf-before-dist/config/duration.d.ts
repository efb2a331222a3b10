/** Milliseconds (rounded), or null when `text` is not a duration. */
export declare function parseDuration(text: string): number | null;
export declare const DURATION_EXAMPLES = "a duration like 500ms, 30s, 2m or 1h";
