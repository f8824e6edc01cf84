// The legacy LiteLLM child process: lifecycle, generated config, logs. See README.md.
export { createSupervisor } from './supervisor';
export { generateLitellmConfig, writeLitellmConfig, MASTER_KEY_ENV } from './litellm-config';
export { findFreePort } from './free-port';
export { LIVELINESS_PATH } from './readiness';
export type { Supervisor, SupervisorOptions } from './types';
export type { SpawnFn } from './spawn-types';
