import type { UpstreamClient } from '../../upstream/types';

/** What the SDK backend's request paths share. */
export interface SdkContext {
  upstream: UpstreamClient;
  /** User-Agent we send upstream */
  userAgent: string;
  supermemoryApiKey: string | null;
  /** removes known secrets from text that came from upstream */
  scrub: (text: string) => string;
  /** cap on one upstream stream event (switchboard.upstream.max_sse_event_bytes) */
  maxSseEventBytes: number;
  /** epoch ms */
  now: () => number;
}
