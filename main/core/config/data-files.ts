// Every file Switchboard keeps in its data dir, named in one place: what each one is, and no two parts
// of the product disagreeing on a name (the CLI finds the running gateway by the instance file the
// gateway writes; the tray's "Show logs" opens the folder these live in).
export const DATA_FILES = {
  /** the config file used when neither --config nor SWITCHBOARD_CONFIG names one */
  config: 'config.yaml',
  /** generated on first start when no master key is configured (0600) */
  masterKey: 'master-key',
  /** generated on first start when SWITCHBOARD_ADMIN_TOKEN is unset (0600); the CLI reads it too */
  adminToken: 'admin-token',
  /** the request log; rotated copies are `rotatedJsonlFile(n)` */
  requests: 'requests.jsonl',
  /** the upstream cookie jar (Cloudflare's cookies in front of Supermemory) */
  cookies: 'cookies.json',
  /** the active mode and the previous one, kept across restarts */
  mode: 'mode.json',
  /** where the running gateway listens, for `switchboard mode` and a second launch */
  instance: 'instance.json',
  /** the migration assistant's validation history and cutover decision */
  validations: 'validations.json',
  /** the config generated for the supervised LiteLLM child (may hold literal keys: 0600) */
  litellmConfig: 'litellm.config.yaml',
  /** the LiteLLM child's pid, to reap an orphan after a crash */
  litellmPid: 'litellm.pid',
  /** the LiteLLM child's output */
  litellmLog: 'litellm.log',
  /** the migration assistant's probe config, in the temporary gateway's own data dir */
  probeConfig: 'probe-config.yaml',
  /** the desktop app's log, and the previous run's */
  appLog: 'switchboard.log',
  appLogOld: 'switchboard.1.log',
} as const;

/** The request log's n-th rotated copy (1 is the newest). */
export function rotatedJsonlFile(index: number): string {
  return `requests.${index}.jsonl`;
}
