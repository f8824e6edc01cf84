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

export interface CpuSnapshot {
  bare: number | null;
  switchboard: number | null;
}

export interface CpuMeter {
  snapshot(): Promise<CpuSnapshot>;
}

export function createCpuMeter(pids: { bare: number | undefined; switchboard: number | undefined }, readText: ReadText): CpuMeter {
  return {
    async snapshot() {
      return { bare: await cpuMs(pids.bare, readText), switchboard: await cpuMs(pids.switchboard, readText) };
    },
  };
}

/** µs of CPU per request between two snapshots */
export function perRequestUs(before: CpuSnapshot, after: CpuSnapshot, requests: { bare: number; switchboard: number }): CpuSnapshot {
  const per = (a: number | null, b: number | null, n: number) => (a === null || b === null || n === 0 ? null : ((b - a) * 1000) / n);
  return { bare: per(before.bare, after.bare, requests.bare), switchboard: per(before.switchboard, after.switchboard, requests.switchboard) };
}
