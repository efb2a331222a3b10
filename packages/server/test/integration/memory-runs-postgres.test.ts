/** Memory in task runs on PostgreSQL (see memory-runs-suite.ts). Fails (never skips) without PostgreSQL. */
import { defineMemoryRunsSuite } from './memory-runs-suite.js';

defineMemoryRunsSuite('postgres');
