/**
 * The configuration as it may be shown to users (System page): every value whose key looks
 * secret is replaced by `<redacted>`, and passwords inside URLs are masked, at any depth.
 */
import type { Config } from './config.js';
export declare function publicConfig(config: Config): Record<string, unknown>;
