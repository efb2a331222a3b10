export declare function safeEqualText(a: string, b: string): boolean;
