// Calling the app's bridge (window.switchboard) from the dashboard: which rejections are worth retrying,
// how long to wait between tries, and the readable text of a rejection. Pure: the caller passes the sleep,
// so the policy is tested without timers.
//
// While the app restarts its gateway (after a key change, up to ~10 s) there is no dashboard origin for
// the main process to check callers against, so it refuses every call with "the gateway is not running
// (it may be restarting)". Nothing was done in that case (the check runs before any action), so trying
// the same call again is safe, even for a save.
import { scrubSecrets } from '../../../shared/redact';

export interface RetryPolicy {
  /** tries in all, the first included */
  attempts: number;
  initialMs: number;
  maxMs: number;
}

/** About 14 s of retrying in all: longer than the app's restart, short enough to report a real failure. */
export const BRIDGE_RETRY: RetryPolicy = { attempts: 10, initialMs: 250, maxMs: 2_000 };

const RESTARTING = 'the gateway is not running';

// Electron's ipcRenderer.invoke rejects with new Error(`Error invoking remote method '<channel>': ${err}`)
// where `err` is the main side's error.toString(), i.e. "<Name>: <message>". Both wrappers are noise here.
const INVOKE_PREFIX = /^Error invoking remote method '[^']*': /;
const ERROR_NAME_PREFIX = /^(?:(?:[A-Z][A-Za-z]*)?Error|IpcRejected): /;

/** Delay before retry number `retry` (0 = the wait after the first failed try): doubling, capped. */
export function bridgeRetryDelay(retry: number, policy: RetryPolicy = BRIDGE_RETRY): number {
  return Math.min(policy.maxMs, policy.initialMs * 2 ** Math.max(0, retry));
}

function messageOf(error: unknown): string | null {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : null;
}

/** True for the app's "no gateway right now" refusal, the one rejection that a retry can fix. */
export function isGatewayRestarting(error: unknown): boolean {
  return messageOf(error)?.includes(RESTARTING) ?? false;
}

const WITHHELD = 'The app refused the change; its message is not shown because it contained the key.';

/**
 * What to show for a rejected bridge call. The app's messages name the rule and the variable, never a
 * value, so they are shown as they are, without Electron's wrapping. `secrets` (the value just entered)
 * are cut out all the same: this text goes into the page.
 */
export function bridgeErrorText(error: unknown, secrets: readonly string[] = []): string {
  const message = messageOf(error)?.trim();
  if (!message) return 'The app did not answer. Try again.';
  const raw = scrubSecrets(message, secrets);
  // scrubSecrets leaves short values alone (they would mangle ordinary words): withhold the whole text
  if (secrets.some((secret) => secret.length > 0 && raw.includes(secret))) return WITHHELD;
  let text = raw.replace(INVOKE_PREFIX, '');
  // "Error: IpcRejected: …" cannot happen today, but unwrapping twice is cheap
  for (let i = 0; i < 2; i++) text = text.replace(ERROR_NAME_PREFIX, '');
  return asSentence(text.trim() || raw);
}

/** The app's messages are clauses ("the value for X is empty"); the page shows them as sentences. */
export function asSentence(text: string): string {
  const sentence = text.charAt(0).toUpperCase() + text.slice(1);
  return sentence === '' || /[.!?…]$/.test(sentence) ? sentence : `${sentence}.`;
}

export interface CallOptions {
  sleep: (ms: number) => Promise<void>;
  policy?: RetryPolicy;
  /** stop retrying (the panel went away); the last rejection is rethrown */
  signal?: AbortSignal;
}

/** Runs `call`, retrying while the app says its gateway is restarting; any other rejection is final. */
export async function callBridge<T>(call: () => Promise<T>, options: CallOptions): Promise<T> {
  const policy = options.policy ?? BRIDGE_RETRY;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (!isGatewayRestarting(error) || attempt >= policy.attempts || options.signal?.aborted) throw error;
      await options.sleep(bridgeRetryDelay(attempt - 1, policy));
      if (options.signal?.aborted) throw error;
    }
  }
}
