export interface RunCursor {
    createdAt: string;
    id: string;
}
export declare const encodeRunCursor: (cursor: RunCursor) => string;
export declare function decodeRunCursor(value: string): RunCursor;
