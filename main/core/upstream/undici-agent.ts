// undici's package index loads all of undici (fetch, WebSocket, EventSource, cache, mocks), and its
// cookies module touches `globalThis.Headers`, which loads Node's own bundled copy of undici too:
// ~9 MB of resident memory and ~3 MB of heap the gateway never uses (bench/README.md). Only the
// agent and the request API are loaded here, by path; the package index would add `request` to every
// dispatcher's prototype, so each agent made here gets it as its own method instead.
import type { Agent, Dispatcher } from 'undici';
import AgentClass from 'undici/lib/dispatcher/agent.js';
import apiRequest from 'undici/lib/api/api-request.js';

/** Requests go through `request(options)` (promise form), as with the package's own Agent. */
export function createAgent(options: Agent.Options): Dispatcher {
  const agent = new AgentClass(options);
  Object.defineProperty(agent, 'request', { value: apiRequest, writable: false, enumerable: false });
  return agent;
}
