// The bench's side of the probe (bench/probe.ts): asks the Switchboard child over its IPC channel.
import type { ChildProcess } from 'node:child_process';
import type { ProbeAnswer, ProbeAsk } from './probe-protocol';
import { isProbeAnswer } from './probe-protocol';

const ANSWER_TIMEOUT_MS = 10_000;

export interface Probe {
  /** memory now, and the delay since the last window began; `eld` opens a new window or closes it */
  ask(eld?: 'start' | 'stop'): Promise<ProbeAnswer>;
}

export function createProbe(child: ChildProcess): Probe {
  let nextId = 1;
  const waiting = new Map<number, (answer: ProbeAnswer) => void>();
  child.on('message', (message) => {
    if (!isProbeAnswer(message)) return;
    waiting.get(message.id)?.(message);
    waiting.delete(message.id);
  });
  return {
    ask(eld) {
      const id = nextId++;
      const message: ProbeAsk = eld ? { kind: 'probe-ask', id, eld } : { kind: 'probe-ask', id };
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(new Error('the probe inside Switchboard did not answer (was it started with --import probe.js?)'));
        }, ANSWER_TIMEOUT_MS);
        waiting.set(id, (answer) => {
          clearTimeout(timer);
          resolve(answer);
        });
        child.send(message);
      });
    },
  };
}

export const mb = (bytes: number): number => bytes / (1024 * 1024);
