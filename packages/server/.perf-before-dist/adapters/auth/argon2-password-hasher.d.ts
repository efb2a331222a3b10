import type { PasswordHasher } from '../../ports/password-hasher.js';
export interface Argon2Options {
    /** KiB. @default 19_456 */
    memoryCost?: number;
    /** @default 2 */
    timeCost?: number;
}
export declare class Argon2PasswordHasher implements PasswordHasher {
    private readonly memoryCost;
    private readonly timeCost;
    constructor(options?: Argon2Options);
    hash(password: string): Promise<string>;
    verify(hashed: string, password: string): Promise<boolean>;
}
