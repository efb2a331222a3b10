/** The workflow engine suite on a fresh PostgreSQL database (fails, never skips, without one). */
import { defineWorkflowEngineSuite } from './workflows-engine-suite.js';

defineWorkflowEngineSuite('postgres');
