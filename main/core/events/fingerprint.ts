// Keys appear in logs, the banner and the dashboard only as fingerprints: enough to tell two keys apart,
// never enough to recover one (8 hex chars of a sha256 leave 2^224 candidates per value).
import { createHash } from 'node:crypto';

export function fingerprint(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex').slice(0, 8);
}
