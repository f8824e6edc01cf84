// How event-layer data is made safe before it leaves the core: headers through shared/redact.ts (with
// fingerprints), free text through scrubSecrets with the injected secret values. These helpers add the
// two cases scrubSecrets alone misses: a secret written in escaped form (JSON bodies, URLs) and a secret
// cut in half by a length cap.
import { REDACTED, redactHeaders, scrubSecrets, type Fingerprint } from '../../../shared/redact';
import type { RequestRecord } from '../../../shared/protocol/records';

/** Below this length scrubSecrets leaves a value alone; keep the same rule everywhere. */
const MIN_SECRET_LENGTH = 8;

/** The secrets plus the forms they take inside JSON strings and URLs. */
export function secretForms(secrets: readonly string[]): string[] {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) continue;
    forms.add(secret);
    forms.add(JSON.stringify(secret).slice(1, -1));
    forms.add(encodeURIComponent(secret));
  }
  // longest first, so a secret that contains another is replaced whole
  return Array.from(forms).sort((a, b) => b.length - a.length);
}

/**
 * Scrubs `text`. When the text was cut at a length cap (`cut`), a secret may end mid-way at the cut:
 * a trailing prefix of a secret of at least 8 characters is replaced too.
 */
export function scrubText(text: string, forms: readonly string[], cut = false): string {
  let out = scrubSecrets(text, forms);
  if (!cut) return out;
  for (const form of forms) {
    for (let length = Math.min(form.length - 1, out.length); length >= MIN_SECRET_LENGTH; length -= 1) {
      if (out.endsWith(form.slice(0, length))) {
        out = out.slice(0, out.length - length) + REDACTED;
        break;
      }
    }
  }
  return out;
}

/** Cuts free text to `max` characters and scrubs it, the cut included. */
export function scrubMessage(text: string, forms: readonly string[], max: number): string {
  const cut = text.length > max;
  const scrubbed = scrubText(cut ? text.slice(0, max) : text, forms, cut);
  return cut ? `${scrubbed}…` : scrubbed;
}

type HeaderInput = Record<string, string | string[] | number | undefined | null>;

/** Secret-named headers become fingerprints; a secret hiding in any other header is scrubbed. */
export function redactHeaderView(headers: HeaderInput | null, fp: Fingerprint, forms: readonly string[]): Record<string, string> {
  if (!headers) return {};
  const out = redactHeaders(headers, fp);
  for (const name of Object.keys(out)) out[name] = scrubSecrets(out[name] ?? '', forms);
  return out;
}

/** Records are copied at each event, so an event or log entry never changes after it was emitted. */
export function copyRecord(record: RequestRecord): RequestRecord {
  return { ...record, usage: record.usage ? { ...record.usage } : null };
}

/**
 * secretForms() for a secrets getter, recomputed only when the values change: the getter is asked on
 * every request, and usually hands back the same few keys.
 */
export function cachedSecretForms(secrets: () => readonly string[]): () => string[] {
  let last: readonly string[] = [];
  let forms: string[] = [];
  return () => {
    const current = secrets();
    if (current.length !== last.length || current.some((value, i) => value !== last[i])) {
      last = [...current];
      forms = secretForms(current);
    }
    return forms;
  };
}
