/** The workflow engine suite on a SQLite file (workflows-engine-suite.ts). */
import { defineWorkflowEngineSuite } from './workflows-engine-suite.js';

defineWorkflowEngineSuite('sqlite');
