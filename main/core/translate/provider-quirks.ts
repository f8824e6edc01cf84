// What the provider behind a prefix accepts, read from its row in the provider table
// (config/provider-table.ts: add a provider there, not an `if` in a translator). Prefixes without a row
// (or a row without quirks) use DEFAULT_QUIRKS.
import { DEFAULT_QUIRKS, type ProviderQuirks } from '../config/provider-quirk-types';
import { providerSpec } from '../config/provider-table';

export type { ProviderQuirks, SchemaQuirks } from '../config/provider-quirk-types';
export { DEFAULT_QUIRKS } from '../config/provider-quirk-types';

export function quirksFor(providerPrefix: string): ProviderQuirks {
  return { ...DEFAULT_QUIRKS, ...providerSpec(providerPrefix)?.quirks };
}
