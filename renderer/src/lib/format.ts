// Display formatting shared by the views. Pure; the current time is passed in.

export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1_000);
  return `${minutes}m ${String(seconds).padStart(2, '0')}s`;
}

export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return '—';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function formatCount(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (Math.abs(value) < 10_000) return String(Math.round(value));
  if (Math.abs(value) < 1_000_000) return `${(value / 1_000).toFixed(1)}k`;
  return `${(value / 1_000_000).toFixed(1)}M`;
}

export function formatPercent(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  const pct = ratio * 100;
  if (pct === 0) return '0%';
  if (pct < 0.1) return '<0.1%';
  return `${pct < 10 ? pct.toFixed(1) : Math.round(pct)}%`;
}

export function errorRate(requests: number, errors: number): number | null {
  return requests > 0 ? errors / requests : null;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Local wall-clock time with milliseconds, for the log's time column. */
export function formatClock(epochMs: number, withMs = true): string {
  const d = new Date(epochMs);
  const base = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  return withMs ? `${base}.${pad(d.getMilliseconds(), 3)}` : base;
}

export function formatDateTime(epochMs: number): string {
  const d = new Date(epochMs);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${formatClock(epochMs, false)}`;
}

/** "just now", "42 s ago", "5 min ago", "3 h ago", "2 d ago"; future times read "in …". */
export function formatRelative(epochMs: number | null | undefined, now: number): string {
  if (epochMs === null || epochMs === undefined) return 'never';
  const diff = now - epochMs;
  const abs = Math.abs(diff);
  const suffix = (text: string) => (diff >= 0 ? `${text} ago` : `in ${text}`);
  if (abs < 5_000) return 'just now';
  if (abs < 60_000) return suffix(`${Math.round(abs / 1_000)} s`);
  if (abs < 3_600_000) return suffix(`${Math.round(abs / 60_000)} min`);
  if (abs < 86_400_000) return suffix(`${Math.round(abs / 3_600_000)} h`);
  return suffix(`${Math.round(abs / 86_400_000)} d`);
}

export function formatTokens(input: number | null | undefined, output: number | null | undefined): string {
  if ((input === null || input === undefined) && (output === null || output === undefined)) return '—';
  return `${formatCount(input ?? null)} / ${formatCount(output ?? null)}`;
}
