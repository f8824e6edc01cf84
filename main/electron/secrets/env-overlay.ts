// The gateway reads provider keys from its env (LiteLLM's `api_key: os.environ/VAR`); keys entered in the
// app reach it the same way: as an overlay on the process env handed to loadConfig. The process env
// itself is never modified, so nothing else in the app (or a child it spawns) sees them by accident.

export interface EnvOverlay {
  env: Record<string, string | undefined>;
  /** variables the app supplied; for the start log (names only) */
  fromApp: string[];
  /** variables set both in the env and in the app: the app's value wins (the user entered it there) */
  overridden: string[];
}

export function overlayEnv(
  processEnv: Readonly<Record<string, string | undefined>>,
  appKeys: Readonly<Record<string, string>>,
): EnvOverlay {
  const env: Record<string, string | undefined> = { ...processEnv };
  const fromApp: string[] = [];
  const overridden: string[] = [];
  for (const [name, value] of Object.entries(appKeys)) {
    if (!value) continue;
    if (processEnv[name] !== undefined && processEnv[name] !== '') overridden.push(name);
    env[name] = value;
    fromApp.push(name);
  }
  return { env, fromApp: fromApp.sort(), overridden: overridden.sort() };
}
