/** Password hashing (argon2id in production; see adapters/auth/argon2-password-hasher.ts). */
export interface PasswordHasher {
    /** A self-describing hash string (PHC format) with its own salt and parameters. */
    hash(password: string): Promise<string>;
    /** False for a wrong password or a malformed hash; never throws for those. */
    verify(hash: string, password: string): Promise<boolean>;
}
