/** The LoginAttempts contract on the in-process counters (embedded mode, and Redis's fallback). */
import { InMemoryLoginAttempts } from '../../src/adapters/auth/in-memory-login-attempts.js';
import { defineLoginAttemptsContract } from '../contracts/login-attempts.contract.js';

defineLoginAttemptsContract('InMemoryLoginAttempts', async (policy) => ({
  attempts: new InMemoryLoginAttempts(policy),
  cleanup: async () => undefined,
}));
