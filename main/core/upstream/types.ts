// What the SDK backend needs from the network layer. Implemented in this folder over one undici
// dispatcher, the persisted cookie jar, a per-origin concurrency cap and the retry policy.
import type { CookieDomain } from '../../../shared/protocol/records';
import type { AnySignal } from './abort';

export interface UpstreamRequest {
  url: string;
  method: 'GET' | 'POST';
  /** lower-case names; Cookie is added from the jar, never taken from here */
  headers: Record<string, string>;
  body?: Buffer | string;
  signal?: AnySignal;
  /** called before each retry wait, so the request trace can record it */
  onRetry?: (info: RetryInfo) => void;
  /** called once the request got a concurrency slot and is about to be sent (first attempt) */
  onDispatch?: () => void;
  /** the headers each attempt really sends (the jar's Cookie included), for the request trace */
  onSend?: (headers: Record<string, string>) => void;
}

export interface RetryInfo {
  attempt: number;
  /** e.g. "429 Retry-After 1s", "ECONNRESET" */
  reason: string;
  delayMs: number;
}

export interface UpstreamResponse {
  status: number;
  /** lower-case names; set-cookie as an array */
  headers: Record<string, string | string[]>;
  /**
   * The body, chunk by chunk as it arrives. Consuming it to the end, or an error/abort, frees the
   * concurrency slot; call `dispose()` when not reading it at all.
   */
  body: AsyncIterable<Buffer>;
  /** reads the whole body as text (for error bodies and non-streamed answers) */
  text(): Promise<string>;
  dispose(): void;
  /** how many retries it took */
  retries: number;
}

export interface UpstreamClient {
  request(request: UpstreamRequest): Promise<UpstreamResponse>;
  /** wait for open requests (bounded by the caller), then close sockets */
  close(): Promise<void>;
}

export interface CookieJarStore {
  /** the Cookie header value for this URL, or '' */
  cookieHeader(url: string): string;
  /** applies a response's Set-Cookie headers */
  store(url: string, setCookie: string[]): void;
  /** per-domain names and expiry; never values */
  domains(): CookieDomain[];
  total(): number;
  /** clears one domain (and its subdomains) or everything */
  clear(domain?: string): Promise<void>;
  /** writes pending changes now (debounced writes otherwise) */
  flush(): Promise<void>;
  onChange(listener: () => void): () => void;
  /** every cookie value currently held, so redaction can scrub them from any text */
  secretValues(): string[];
}
