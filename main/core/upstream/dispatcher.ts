// The one undici dispatcher every upstream request goes through: pooled keep-alive sockets per origin,
// with the timeouts from config. Created by the composition root and passed in (no global dispatcher).
import type { Dispatcher } from 'undici';
import { createAgent } from './undici-agent';
import type { UpstreamConfig } from '../config/types';

// A server's `Keep-Alive: timeout=N` hint may stretch our idle timeout, but not past this.
const KEEP_ALIVE_MAX_MS = 10 * 60_000;

export function createDispatcher(config: UpstreamConfig): Dispatcher {
  return createAgent({
    connect: { timeout: config.connectTimeoutMs },
    headersTimeout: config.headersTimeoutMs,
    // Streams pause while a model thinks; this is the longest silence between body chunks we accept.
    bodyTimeout: config.bodyTimeoutMs,
    keepAliveTimeout: config.keepAliveTimeoutMs,
    keepAliveMaxTimeout: Math.max(config.keepAliveTimeoutMs, KEEP_ALIVE_MAX_MS),
    // One request per socket: a pipelined POST stuck behind a long stream would wait for it.
    pipelining: 1,
  });
}
