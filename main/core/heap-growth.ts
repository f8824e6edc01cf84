// How far V8 lets the old generation grow past what survived the last full collection before it
// collects again. By default V8 picks a factor between 1.1 and 4 from its own speed estimates; under
// load it chose near the top, so the gateway's ~25-50 MB of live heap (the 5,000-record request log,
// captures, in-flight requests) grew to 50-65 MB of old space between collections: ~30 MB of resident
// memory holding garbage. At most doubling cost no CPU the bench could tell from noise (bench/README.md,
// issue 14 round 2). The setting is process-wide and read whenever V8 sets its next limit, so each
// runtime applies it once at start, before the gateway allocates.
import { setFlagsFromString } from 'node:v8';

/** The old generation may grow to (1 + this / 100) × the heap that survived the last mark-compact. */
export const HEAP_GROWING_PERCENT = 100;

export function limitHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
