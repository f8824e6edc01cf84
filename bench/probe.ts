// Preloaded into the measured Switchboard process (`node --import dist/bench/probe.js cli.js serve …`),
// never part of Switchboard itself. Over the spawn's IPC channel it answers the bench with the process's
// event-loop delay (perf_hooks.monitorEventLoopDelay) and memory (process.memoryUsage), so those figures
// come from inside the gateway without a line of gateway code knowing about the bench.
//
// The delay monitor runs only while the bench asks for it (start-up, and windows it opens): its 1 ms
// timer would otherwise cost the measured process CPU in every other phase.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { getHeapSpaceStatistics } from 'node:v8';
import type { ProbeAnswer, ProbeAsk } from './probe-protocol';

const RESOLUTION_MS = 1;
const NS_PER_MS = 1e6;

let histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
// from the first moment: the start-up window (history replay included) is one of the bench's figures
histogram.enable();

function answer(ask: ProbeAsk): ProbeAnswer {
  const eld = histogram.count > 0
    ? {
        p50: histogram.percentile(50) / NS_PER_MS,
        p99: histogram.percentile(99) / NS_PER_MS,
        max: histogram.max / NS_PER_MS,
        mean: histogram.mean / NS_PER_MS,
        count: histogram.count,
      }
    : null;
  if (ask.eld === 'start') {
    histogram.disable();
    histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
    histogram.enable();
  } else if (ask.eld === 'stop') {
    histogram.disable();
  }
  const memory = process.memoryUsage();
  // what the heap total is made of: a young generation grown under load reads very differently from a
  // retained old generation
  const spaces = Object.fromEntries(getHeapSpaceStatistics().map((s) => [s.space_name, { size: s.space_size, used: s.space_used_size }]));
  return { kind: 'probe', id: ask.id, eld, memory, spaces, rssFile: rssFileBytes(), uptimeMs: process.uptime() * 1000 };
}

/** File-backed resident pages (the node binary, shared libraries): RSS that no code of ours allocated. */
function rssFileBytes(): number | null {
  try {
    const match = /^RssFile:\s+(\d+)\s+kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    return match?.[1] ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

process.on('message', (message: unknown) => {
  const ask = message as ProbeAsk;
  if (ask?.kind !== 'probe-ask') return;
  process.send?.(answer(ask));
});
// the channel must not keep the gateway alive: it stops on SIGTERM exactly as without the probe
process.channel?.unref();
