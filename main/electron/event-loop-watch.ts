// The gateway shares its thread with the tray and the window's main-process side: any synchronous step on
// the request path (a large JSON parse, a sync file write) delays menus and clicks as well as requests.
// This measures the event loop's delay (perf_hooks' histogram, passed in) and writes it to the app log
// once per interval, as a warning when the worst delay would be felt (a stuttering menu), so a slow
// spot shows up in the user's own log instead of as "the tray feels sluggish".
import type { Logger } from 'pino';

/** The slice of perf_hooks' IntervalHistogram used here (values in nanoseconds). */
export interface DelayHistogram {
  percentile(percentile: number): number;
  readonly max: number;
  readonly count?: number;
  reset(): void;
}

export interface EventLoopReport {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface EventLoopWatchDeps {
  histogram: DelayHistogram;
  logger: Pick<Logger, 'info' | 'warn'>;
  /** runs fn every ms (unref'd: it must not keep the app alive); returns a stop function */
  every(ms: number, fn: () => void): () => void;
  intervalMs?: number;
  /** a delay above this is felt in menus and clicks */
  warnAboveMs?: number;
}

const toMs = (ns: number): number => Math.round((Number.isFinite(ns) ? ns : 0) / 1e5) / 10;

export function eventLoopReport(histogram: DelayHistogram): EventLoopReport {
  return { p50Ms: toMs(histogram.percentile(50)), p99Ms: toMs(histogram.percentile(99)), maxMs: toMs(histogram.max) };
}

export function watchEventLoop(deps: EventLoopWatchDeps): () => void {
  const warnAbove = deps.warnAboveMs ?? 100;
  return deps.every(deps.intervalMs ?? 60_000, () => {
    const report = eventLoopReport(deps.histogram);
    deps.histogram.reset();
    if (report.maxMs > warnAbove) deps.logger.warn(report, 'event loop delayed: menus and requests waited');
    else deps.logger.info(report, 'event loop delay');
  });
}
