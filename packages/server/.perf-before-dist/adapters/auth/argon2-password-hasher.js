/**
 * argon2id via @node-rs/argon2 (prebuilt N-API binary shipped in the npm package; no install
 * script, nothing compiled). Parameters follow the OWASP recommendation for argon2id: 19 MiB of
 * memory, 2 iterations, 1 lane (~30 ms per hash on this project's machines). The PHC string
 * records them, so hashes made with other parameters still verify.
 */
import { hash, verify } from '@node-rs/argon2';
/** `Algorithm.Argon2id`: the package exports a const enum, which isolated modules cannot read. */
const ARGON2ID = 2;
export class Argon2PasswordHasher {
    memoryCost;
    timeCost;
    constructor(options = {}) {
        this.memoryCost = options.memoryCost ?? 19_456;
        this.timeCost = options.timeCost ?? 2;
    }
    hash(password) {
        return hash(password, { algorithm: ARGON2ID, memoryCost: this.memoryCost, timeCost: this.timeCost, parallelism: 1 });
    }
    async verify(hashed, password) {
        if (!hashed.startsWith('$argon2'))
            return false;
        try {
            return await verify(hashed, password);
        }
        catch {
            return false;
        }
    }
}
//# sourceMappingURL=argon2-password-hasher.js.map