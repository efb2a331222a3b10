/** Memory in task runs on SQLite (see memory-runs-suite.ts). */
import { defineMemoryRunsSuite } from './memory-runs-suite.js';

defineMemoryRunsSuite('sqlite');
