// The legacy LiteLLM child process: lifecycle, generated config, logs. See README.md.
export { createSupervisor, LOG_FILE_NAME } from './supervisor';
export { generateLitellmConfig, writeLitellmConfig, MASTER_KEY_ENV, CONFIG_FILE_NAME } from './litellm-config';
export { findFreePort } from './free-port';
export { PID_FILE_NAME } from './stale-child';
export { LIVELINESS_PATH } from './readiness';
export type { Supervisor, SupervisorOptions } from './types';
export type { SpawnFn } from './spawn-types';
