/** The memory service suite on SQLite, with the sqlite-vec index in its own file. */
import { defineMemoryServiceSuite } from './memory-service-suite.js';

defineMemoryServiceSuite('sqlite');
