// Messages between the bench and its probe inside the Switchboard process (bench/probe.ts).

export interface ProbeAsk {
  kind: 'probe-ask';
  id: number;
  /** 'start': report, then begin a fresh delay window; 'stop': report and stop measuring; absent: report */
  eld?: 'start' | 'stop';
}

/** Event-loop delay in ms (the 1 ms sampling interval included: an idle loop reads about 1.0-1.1). */
export interface EldFigures {
  p50: number;
  p99: number;
  max: number;
  mean: number;
  count: number;
}

export interface ProbeAnswer {
  kind: 'probe';
  id: number;
  /** since the last 'start' (or since the process started); null when no sample was taken */
  eld: EldFigures | null;
  memory: NodeJS.MemoryUsage;
  /** v8 heap spaces (new_space, old_space, code_space, large_object_space, …): bytes reserved and used */
  spaces: Record<string, { size: number; used: number }>;
  /** file-backed resident bytes (Linux /proc), null elsewhere */
  rssFile: number | null;
  uptimeMs: number;
}

export function isProbeAnswer(value: unknown): value is ProbeAnswer {
  return typeof value === 'object' && value !== null && (value as ProbeAnswer).kind === 'probe';
}
