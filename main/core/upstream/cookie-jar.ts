// The upstream cookie jar: tough-cookie in memory, persisted to one file in the data dir. Cloudflare in
// front of Supermemory hands out `__cf_bm`/`_cfuvid` and answers 503 to clients that do not send them
// back, so the jar must survive restarts and apply to every upstream request.
import { Cookie, CookieJar, MemoryCookieStore } from 'tough-cookie';
import { GatewayError } from '../../../shared/errors';
import type { CookieDomain } from '../../../shared/protocol/records';
import { buildCookieIndex, coversDomain, EMPTY_COOKIE_INDEX, expiryOf, pinExpiry, type CookieIndex } from './cookie-index';
import { COOKIE_FILE_VERSION, quarantineCookieFile, readCookieFile, writeCookieFile } from './cookie-file';
import { domainMatches, hostOfUrl } from './host-of-url';
import type { CookieJarStore } from './types';

export interface OpenCookieJarOptions {
  file: string;
  /** how long changes wait before being written; default 1000 ms */
  debounceMs?: number;
  now?: () => number;
  /** load and background-write failures; messages never hold cookie values */
  onError?: (error: Error) => void;
}

const DEFAULT_DEBOUNCE_MS = 1000;
// setTimeout's ceiling; a later expiry is re-armed when this fires
const MAX_TIMER_MS = 2_147_483_647;
const HEADER_CACHE_MAX = 256;

export async function openCookieJar(options: OpenCookieJarOptions): Promise<CookieJarStore> {
  const now = options.now ?? Date.now;
  const onError = options.onError ?? (() => {});
  const store = new MemoryCookieStore();
  const lastUpdated = new Map<string, number>();
  const read = await readCookieFile(options.file);
  if (read.kind === 'ok') {
    const at = now();
    for (const json of read.content.jar.cookies ?? []) {
      const cookie = Cookie.fromJSON(json);
      if (!cookie) continue;
      pinExpiry(cookie, at);
      const expires = expiryOf(cookie);
      if (expires !== null && expires <= at) continue;
      store.putCookie(cookie, () => {});
    }
    for (const [domain, ms] of Object.entries(read.content.lastUpdated)) {
      if (typeof ms === 'number' && Number.isFinite(ms)) lastUpdated.set(domain, ms);
    }
  } else if (read.kind === 'corrupt') {
    let kept = 'could not be moved aside';
    try {
      kept = `kept as ${await quarantineCookieFile(options.file)}`;
    } catch (error) {
      kept += ` (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
    }
    onError(new Error(`Cookie file ${options.file} is ${read.reason}; starting with an empty jar (the old file ${kept})`));
  } else if (read.kind === 'error') {
    onError(new Error(`Cookie file ${options.file} could not be read (${errorCode(read.error)}); starting with an empty jar`));
  }
  return new PersistentCookieJar(store, lastUpdated, options.file, options.debounceMs ?? DEFAULT_DEBOUNCE_MS, now, onError);
}

class PersistentCookieJar implements CookieJarStore {
  readonly #jar: CookieJar;
  #index: CookieIndex = EMPTY_COOKIE_INDEX;
  /** url -> Cookie header; valid until the next change or expiry (both go through #reindex) */
  readonly #headerCache = new Map<string, string>();
  readonly #listeners = new Set<() => void>();
  #writeTimer: NodeJS.Timeout | null = null;
  #expiryTimer: NodeJS.Timeout | null = null;
  #dirty = false;
  #writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly memory: MemoryCookieStore,
    private readonly lastUpdated: Map<string, number>,
    private readonly file: string,
    private readonly debounceMs: number,
    private readonly now: () => number,
    private readonly onError: (error: Error) => void,
  ) {
    // Loopback upstreams (Ollama, vLLM, test fakes) count as secure contexts for Secure cookies.
    this.#jar = new CookieJar(memory, { allowSecureOnLocal: true, rejectPublicSuffixes: true });
    this.#reindex(now());
  }

  cookieHeader(url: string): string {
    if (this.#index.count === 0) return '';
    const now = this.now();
    if (now >= this.#index.nextExpiry && this.#sweep(now) && this.#index.count === 0) return '';
    // A gateway sends to a handful of URLs over and over; tough-cookie's lookup costs tens of µs.
    const cached = this.#headerCache.get(url);
    if (cached !== undefined) return cached;
    const header = this.#lookup(url);
    if (this.#headerCache.size >= HEADER_CACHE_MAX) this.#headerCache.clear();
    this.#headerCache.set(url, header);
    return header;
  }

  #lookup(url: string): string {
    // Most upstreams (Anthropic, OpenAI) never set cookies: answer without tough-cookie's URL parsing.
    const host = hostOfUrl(url);
    const domains = this.#index.domains;
    let match = false;
    for (let i = 0; i < domains.length && !match; i++) match = domainMatches(host, domains[i] as string);
    if (!match) return '';
    try {
      // Expiry is ours (swept above with the injected clock); tough-cookie would use the wall clock.
      return this.#jar.getCookieStringSync(url, { expire: false });
    } catch {
      return '';
    }
  }

  store(url: string, setCookie: string[]): void {
    if (setCookie.length === 0) return;
    const now = this.now();
    const at = new Date(now);
    let changed = false;
    for (const line of setCookie) {
      let cookie: Cookie | undefined;
      try {
        cookie = this.#jar.setCookieSync(line, url, { now: at, ignoreError: true });
      } catch {
        cookie = undefined; // a malformed URL or cookie from upstream is the upstream's problem, not ours
      }
      if (!cookie) continue;
      pinExpiry(cookie, now);
      this.lastUpdated.set(cookie.domain ?? hostOfUrl(url), now);
      changed = true;
    }
    if (!changed) return;
    this.#reindex(now);
    this.#afterChange();
  }

  domains(): CookieDomain[] {
    this.#sweepIfDue();
    return this.#index.summary.map((d) => ({ ...d, cookies: d.cookies.map((c) => ({ ...c })) }));
  }

  total(): number {
    this.#sweepIfDue();
    return this.#index.count;
  }

  async clear(domain?: string): Promise<void> {
    if (domain === undefined) {
      this.#jar.removeAllCookiesSync();
      this.lastUpdated.clear();
    } else {
      const target = domain.trim().toLowerCase().replace(/^\.+/, '');
      for (const cookie of this.#all()) {
        if (cookie.domain && coversDomain(target, cookie.domain)) this.#remove(cookie);
      }
      for (const key of [...this.lastUpdated.keys()]) if (coversDomain(target, key)) this.lastUpdated.delete(key);
    }
    this.#reindex(this.now());
    this.#afterChange();
    // The user asked for the cookies to go: do not leave them on disk for the debounce period.
    await this.flush();
  }

  flush(): Promise<void> {
    if (this.#writeTimer) {
      clearTimeout(this.#writeTimer);
      this.#writeTimer = null;
    }
    const run = this.#writing.then(() => this.#writeNow());
    this.#writing = run.catch(() => {});
    return run;
  }

  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  secretValues(): string[] {
    return [...this.#index.values];
  }

  #sweepIfDue(): void {
    const now = this.now();
    if (now >= this.#index.nextExpiry) this.#sweep(now);
  }

  /** drops expired cookies; true when any went */
  #sweep(now: number): boolean {
    const before = this.#index.count;
    this.#reindex(now);
    if (this.#index.count === before) return false;
    this.#afterChange();
    return true;
  }

  #reindex(now: number): void {
    const live: Cookie[] = [];
    for (const cookie of this.#all()) {
      const expires = expiryOf(cookie);
      if (expires !== null && expires <= now) this.#remove(cookie);
      else live.push(cookie);
    }
    this.#index = buildCookieIndex(live, this.lastUpdated);
    this.#headerCache.clear();
    this.#armExpiryTimer(now);
  }

  #armExpiryTimer(now: number): void {
    if (this.#expiryTimer) clearTimeout(this.#expiryTimer);
    this.#expiryTimer = null;
    const next = this.#index.nextExpiry;
    if (next === Infinity) return;
    // Fire a little after the expiry so the sweep sees it as past, then tell listeners (dashboard counts).
    const delay = Math.min(Math.max(0, next - now) + 10, MAX_TIMER_MS);
    this.#expiryTimer = setTimeout(() => {
      this.#expiryTimer = null;
      if (!this.#sweep(this.now())) this.#armExpiryTimer(this.now());
    }, delay);
    this.#expiryTimer.unref();
  }

  #afterChange(): void {
    this.#dirty = true;
    if (!this.#writeTimer) {
      this.#writeTimer = setTimeout(() => {
        this.#writeTimer = null;
        this.flush().catch((error: unknown) => this.onError(asError(error)));
      }, this.debounceMs);
      this.#writeTimer.unref();
    }
    for (const listener of this.#listeners) {
      try {
        listener();
      } catch (error) {
        this.onError(asError(error));
      }
    }
  }

  async #writeNow(): Promise<void> {
    if (!this.#dirty) return;
    this.#dirty = false;
    const jar = this.#jar.serializeSync() as unknown as { cookies?: unknown[] } & Record<string, unknown>;
    try {
      await writeCookieFile(this.file, {
        version: COOKIE_FILE_VERSION,
        jar,
        lastUpdated: Object.fromEntries(this.lastUpdated),
      });
    } catch (error) {
      this.#dirty = true;
      throw new GatewayError('DATA_NOT_WRITABLE', `Could not save cookie file ${this.file} (${errorCode(error)})`, { cause: error });
    }
  }

  #all(): Cookie[] {
    let out: Cookie[] = [];
    // MemoryCookieStore is synchronous: the callback runs before getAllCookies returns.
    this.memory.getAllCookies((error, cookies) => {
      if (!error && cookies) out = cookies;
    });
    return out;
  }

  #remove(cookie: Cookie): void {
    this.memory.removeCookie(cookie.domain ?? '', cookie.path ?? '', cookie.key, () => {});
  }
}

function errorCode(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.name : 'error';
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
