/** The memory service suite on PostgreSQL (a fresh database per test), with the exact in-memory index. */
import { defineMemoryServiceSuite } from './memory-service-suite.js';

defineMemoryServiceSuite('postgres');
