// Where the real LiteLLM proxy is: SWITCHBOARD_TEST_LITELLM names its `litellm` executable (`.ci/run`
// installs the pinned release into a virtual environment and sets it). Without it the real-proxy suites
// skip locally with the way to install it, and fail under CI, where they must run.
import { existsSync } from 'node:fs';

export const INSTALL_HINT =
  "python3 -m venv .venv-litellm && .venv-litellm/bin/pip install 'litellm[proxy]==1.80.17', then " +
  'SWITCHBOARD_TEST_LITELLM=$PWD/.venv-litellm/bin/litellm npm test';

/** The executable named by `variable`, null when unset; throws when it names nothing or CI lacks it. */
export function realLitellm(variable = 'SWITCHBOARD_TEST_LITELLM'): string | null {
  const path = process.env[variable]?.trim();
  if (!path) {
    if (process.env.CI) throw new Error(`${variable} is not set: under CI the real LiteLLM suite must run. Install it: ${INSTALL_HINT}`);
    return null;
  }
  if (!existsSync(path)) throw new Error(`${variable}=${path} does not exist. Install it: ${INSTALL_HINT}`);
  return path;
}
