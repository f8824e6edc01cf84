// CPU time a child process spent (user + system, all its threads) from /proc/<pid>/stat. CPU per
// request moves with machine load far less than latency does (which also counts time spent waiting
// for a core), so on a shared 2-core box it is the figure to compare runs by. null where there is no /proc.

/** Linux reports utime/stime in USER_HZ ticks, which is 100 on every mainstream kernel build. */
const TICKS_PER_SECOND = 100;

export type ReadText = (file: string) => Promise<string>;

export async function cpuMs(pid: number | undefined, readText: ReadText): Promise<number | null> {
  if (pid === undefined) return null;
  try {
    const stat = await readText(`/proc/${pid}/stat`);
    // the command name sits in parentheses and may itself contain spaces or parentheses
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    if (!Number.isFinite(utime) || !Number.isFinite(stime)) return null;
    return ((utime + stime) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** ms of CPU per measured process (bare proxy, Switchboard, Switchboard in binary mode) */
export type CpuSnapshot = Partial<Record<'bare' | 'switchboard' | 'binary', number | null>>;

export interface CpuMeter {
  snapshot(): Promise<CpuSnapshot>;
}

export function createCpuMeter(pids: Partial<Record<keyof CpuSnapshot, number | undefined>>, readText: ReadText): CpuMeter {
  return {
    async snapshot() {
      const out: CpuSnapshot = {};
      for (const [name, pid] of Object.entries(pids) as Array<[keyof CpuSnapshot, number | undefined]>) out[name] = await cpuMs(pid, readText);
      return out;
    },
  };
}

/** µs of CPU per request between two snapshots, for the processes given a request count */
export function perRequestUs(before: CpuSnapshot, after: CpuSnapshot, requests: Partial<Record<keyof CpuSnapshot, number>>): CpuSnapshot {
  const out: CpuSnapshot = {};
  for (const [name, n] of Object.entries(requests) as Array<[keyof CpuSnapshot, number]>) {
    const a = before[name] ?? null;
    const b = after[name] ?? null;
    out[name] = a === null || b === null || n === 0 ? null : ((b - a) * 1000) / n;
  }
  return out;
}
