// What the dashboard may hand the main process as a provider key. The bridge is the trust boundary: the
// page is ours, but anything that gets into the window could call it, so names and values are checked
// here before they reach the keychain. Messages name the rule and the variable, never the value: a
// rejected value is still somebody's key (or half of one pasted into the wrong field).
import { scrubSecrets } from '../../../shared/redact';

/** An environment-variable name as the contract allows it; the secret store narrows it to credential names. */
export const KEY_NAME_PATTERN = /^[A-Z][A-Z0-9_]{1,63}$/;
export const KEY_VALUE_MAX_CHARS = 4096;

/**
 * Printable ASCII only. The value ends up in an HTTP header (Authorization, x-api-key, …), where a line
 * break would split the header and non-ASCII cannot be sent reliably; a key never legitimately has either,
 * so one means a bad paste.
 */
const PRINTABLE = /^[\x20-\x7E]+$/;

export type KeyInput<T> = { ok: true; value: T } | { ok: false; problem: string };

export function parseKeyName(input: unknown): KeyInput<string> {
  // The name itself is not echoed either: a key pasted into the name field would land in the message.
  if (typeof input !== 'string' || !KEY_NAME_PATTERN.test(input)) {
    return {
      ok: false,
      problem: 'the key name must be an environment variable name such as ANTHROPIC_API_KEY (capital letters, digits and _, 2–64 characters)',
    };
  }
  return { ok: true, value: input };
}

/** `name` must already be valid (it appears in the messages). Returns the trimmed value. */
export function parseKeyValue(name: string, input: unknown): KeyInput<string> {
  if (typeof input !== 'string') return { ok: false, problem: `the value for ${name} must be text` };
  const value = input.trim();
  if (value.length === 0) return { ok: false, problem: `the value for ${name} is empty` };
  if (value.length > KEY_VALUE_MAX_CHARS) {
    return { ok: false, problem: `the value for ${name} is longer than ${KEY_VALUE_MAX_CHARS} characters` };
  }
  if (!PRINTABLE.test(value)) {
    return {
      ok: false,
      problem: `the value for ${name} contains characters a key cannot have (line breaks, tabs, other control or non-ASCII characters); paste it again`,
    };
  }
  return { ok: true, value };
}

const WITHHELD = 'details withheld because they contained the key';

/**
 * `text` (a message we did not write: keychain, config loader) without any of `values`. Long values are
 * replaced in place, as everywhere else; a short one cannot be cut out without mangling ordinary words,
 * so a message containing it is withheld whole.
 */
export function withoutValues(text: string, values: readonly string[]): string {
  const scrubbed = scrubSecrets(text, values);
  return values.some((value) => value.length > 0 && scrubbed.includes(value)) ? WITHHELD : scrubbed;
}
