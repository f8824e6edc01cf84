import type { HeaderPattern, IdentitySource } from '../../../shared/protocol/records';

/** Which memory identity a request gets, and why. */
export interface IdentityMatch {
  userId: string;
  source: IdentitySource;
  matchedPattern: HeaderPattern | null;
  customHeaderPresent: boolean;
  /** Human name of the calling app from its User-Agent ("Claude Code 2.0.14", "JetBrains AI Assistant"). */
  clientApp: string;
  userAgent: string;
}
