/**
 * Parses the registry file's text: JSON syntax, then the shared `registryFile` schema with its
 * cross-field rules (unique ids, declared departments, heads that exist and belong). Prompt-file
 * existence needs the disk and is checked by the registry service through its source port.
 */
import { type RegistryFile } from '@dash/shared';
import { type RegistryIssue } from './registry-issues.js';
export type RegistryParseResult = {
    ok: true;
    registry: RegistryFile;
} | {
    ok: false;
    issues: RegistryIssue[];
};
export declare function parseRegistryText(text: string): RegistryParseResult;
