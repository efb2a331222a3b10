export interface CutOutput {
    output: string;
    truncated: boolean;
    originalBytes?: number;
}
/** Cuts `text` to at most `limit` UTF-8 bytes without splitting a character. */
export declare function cutUtf8(text: string, limit: number): {
    text: string;
    bytes: number;
    truncated: boolean;
};
export declare function cutToolOutput(text: string, limit?: number): CutOutput;
