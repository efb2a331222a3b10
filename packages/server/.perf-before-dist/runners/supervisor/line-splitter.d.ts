/**
 * Splits a byte stream into lines with bounded memory. A line longer than `maxLineBytes` is not
 * buffered: its first `keepBytes` are kept, the rest is counted and dropped until the next newline,
 * and it is delivered with `truncated: true`. CRLF endings lose their CR. Bytes are decoded per
 * complete line, so multi-byte characters split across chunks survive.
 */
export interface SplitLine {
    text: string;
    /** The line exceeded maxLineBytes; `text` holds only its first keepBytes. */
    truncated: boolean;
    /** Size of the whole line in bytes (without the newline). */
    bytes: number;
}
export interface LineSplitterOptions {
    /** @default 1 MiB */
    maxLineBytes?: number;
    /** What an over-long line keeps. @default 16 KiB */
    keepBytes?: number;
}
export declare class LineSplitter {
    private readonly onLine;
    private parts;
    private size;
    /** Set while inside an over-long line: its kept prefix and total size so far. */
    private overflow;
    private readonly maxLineBytes;
    private readonly keepBytes;
    constructor(onLine: (line: SplitLine) => void, options?: LineSplitterOptions);
    /** Bytes currently held for an unfinished line (never more than maxLineBytes + keepBytes). */
    get bufferedBytes(): number;
    push(chunk: Buffer): void;
    /** Delivers a final line that had no newline. */
    end(): void;
    private append;
    private emit;
}
