// The config module's public surface.
export { loadConfig } from './load-config';
export type { ConfigFlags, LoadConfigOptions } from './load-config';
export { ConfigError, formatProblem, isConfigError } from './config-error';
export type { ConfigProblem } from './config-error';
export { defaultDataDir } from './data-dir';
export { ensureSecretFile, generateSecret } from './secret-file';
export type { SecretFileResult } from './secret-file';
export { closestModelNames, findModel } from './model-lookup';
export type { ModelMatch } from './model-lookup';
export { EMBEDDED_DEFAULT_CONFIG } from './embedded-default';
export { isUnderBase } from './build-model';
export type * from './types';
export { DATA_FILES, rotatedJsonlFile } from './data-files';
