// Placeholder until main/core/translate lands: cross-dialect requests get a clear 501.
import { GatewayError } from '../../../../shared/errors';

export function estimateCountTokens(body: Record<string, unknown>): number {
  return Math.ceil(JSON.stringify(body).length / 4);
}

export function translationUnavailable(): never {
  throw new GatewayError('TRANSLATION_UNSUPPORTED', 'Translation between dialects is not available yet');
}
