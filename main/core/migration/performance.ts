// Latency per backend (N sequential probes, p50/p95) and resident memory: the gateway process and the
// LiteLLM child (its whole process group on Linux, where uvicorn workers live).
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import type { BackendPerformance } from '../../../shared/protocol/validation';
import type { Mode } from '../../../shared/protocol/records';
import { probeCall, textRequest } from './probe-call';
import type { ProbeTarget } from './probe-call';
import { PROBE_MODELS } from './probe-config';

export const PERFORMANCE_PROBES = 10;

export async function measureBackend(target: ProbeTarget, backend: Mode, runTag: string, probes = PERFORMANCE_PROBES): Promise<BackendPerformance> {
  const durations: number[] = [];
  let errors = 0;
  for (let i = 0; i < probes; i++) {
    const result = await probeCall(target, textRequest('openai', PROBE_MODELS.openai, `probe:${runTag}-${backend}-perf-${i}`, false));
    if (result.status === 200) durations.push(result.durationMs);
    else errors++;
  }
  return { backend, probes, p50Ms: percentile(durations, 0.5), p95Ms: percentile(durations, 0.95), errors };
}

export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return Math.round(sorted[index]! * 10) / 10;
}

/** VmRSS of a process (its process group with `group`) in bytes; null when it cannot be read. */
export async function residentBytes(pid: number, platform: NodeJS.Platform, group = false): Promise<number | null> {
  if (platform === 'linux') {
    const pids = group ? await groupMembers(pid) : [pid];
    let total = 0;
    let any = false;
    for (const member of pids) {
      const kb = await linuxRssKb(member);
      if (kb !== null) {
        total += kb;
        any = true;
      }
    }
    return any ? total * 1024 : null;
  }
  if (platform === 'win32') return null;
  return new Promise((resolve) => {
    execFile('ps', ['-o', 'rss=', '-p', String(pid)], { timeout: 5_000 }, (error, stdout) => {
      const kb = Number(String(stdout).trim());
      resolve(error || !Number.isFinite(kb) || kb <= 0 ? null : kb * 1024);
    });
  });
}

async function linuxRssKb(pid: number): Promise<number | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** Processes whose process group is `leader` (the child is spawned detached, as a group leader). */
async function groupMembers(leader: number): Promise<number[]> {
  const members = [leader];
  let entries: string[];
  try {
    entries = await readdir('/proc');
  } catch {
    return members;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry) || Number(entry) === leader) continue;
    try {
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid pgrp …: comm may hold spaces, so read after its closing parenthesis
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === leader) members.push(Number(entry));
    } catch {
      // the process went away while we looked
    }
  }
  return members;
}
