/**
 * argon2id via @node-rs/argon2 (prebuilt N-API binary shipped in the npm package; no install
 * script, nothing compiled). Parameters follow the OWASP recommendation for argon2id: 19 MiB of
 * memory, 2 iterations, 1 lane (~30 ms per hash on this project's machines). The PHC string
 * records them, so hashes made with other parameters still verify.
 */
import { hash, verify, type Algorithm } from '@node-rs/argon2';
import type { PasswordHasher } from '../../ports/password-hasher.js';

/** `Algorithm.Argon2id`: the package exports a const enum, which isolated modules cannot read. */
const ARGON2ID = 2 as Algorithm;

export interface Argon2Options {
  /** KiB. @default 19_456 */
  memoryCost?: number;
  /** @default 2 */
  timeCost?: number;
}

export class Argon2PasswordHasher implements PasswordHasher {
  private readonly memoryCost: number;
  private readonly timeCost: number;

  constructor(options: Argon2Options = {}) {
    this.memoryCost = options.memoryCost ?? 19_456;
    this.timeCost = options.timeCost ?? 2;
  }

  hash(password: string): Promise<string> {
    return hash(password, { algorithm: ARGON2ID, memoryCost: this.memoryCost, timeCost: this.timeCost, parallelism: 1 });
  }

  async verify(hashed: string, password: string): Promise<boolean> {
    if (!hashed.startsWith('$argon2')) return false;
    try {
      return await verify(hashed, password);
    } catch {
      return false;
    }
  }
}
