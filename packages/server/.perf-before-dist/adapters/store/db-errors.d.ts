/** A primary-key or unique constraint violation. */
export declare function isUniqueViolation(err: unknown): boolean;
