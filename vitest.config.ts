import { defineConfig } from 'vitest/config';

// Tests start real servers and child processes; forks keep them isolated per file.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    env: { SWITCHBOARD_LOG_LEVEL: 'silent' },
  },
});
