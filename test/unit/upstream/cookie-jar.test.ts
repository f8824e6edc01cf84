import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCookieJar } from '../../../main/core/upstream/cookie-jar';

const SM = 'https://api.supermemory.ai/v3/https://api.anthropic.com/v1/messages';
const CF_BM = '__cf_bm=bmSECRETvalue0123456789; Max-Age=1800; Path=/; Domain=api.supermemory.ai; HttpOnly; Secure; SameSite=None';
const CFUVID = '_cfuvid=uvidSECRETvalue987654321; Path=/; Domain=supermemory.ai; HttpOnly; Secure; SameSite=None';
const T0 = Date.parse('2025-06-01T12:00:00Z');

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sb-jar-'));
  file = join(dir, 'state', 'cookies.json');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function clock(start = T0): { now: () => number; advance: (ms: number) => void } {
  let t = start;
  return { now: () => t, advance: (ms) => (t += ms) };
}

describe('openCookieJar: reading and sending', () => {
  it('returns no Cookie header from an empty jar or for a host it holds nothing for', async () => {
    const jar = await openCookieJar({ file });
    expect(jar.cookieHeader(SM)).toBe('');
    jar.store(SM, [CF_BM]);
    expect(jar.cookieHeader('https://api.anthropic.com/v1/messages')).toBe('');
    expect(jar.cookieHeader('https://evilsupermemory.ai/x')).toBe('');
    expect(jar.cookieHeader(SM)).toBe('__cf_bm=bmSECRETvalue0123456789');
  });

  it('sends parent-domain cookies to subdomains and Secure cookies only over https', async () => {
    const jar = await openCookieJar({ file });
    jar.store(SM, [CF_BM, CFUVID]);
    expect(jar.cookieHeader('https://api.supermemory.ai/v3/x')).toBe('__cf_bm=bmSECRETvalue0123456789; _cfuvid=uvidSECRETvalue987654321');
    expect(jar.cookieHeader('https://console.supermemory.ai/')).toBe('_cfuvid=uvidSECRETvalue987654321');
    expect(jar.cookieHeader('http://api.supermemory.ai/v3/x')).toBe('');
  });

  it('sends the newest value once a cookie is replaced', async () => {
    const jar = await openCookieJar({ file });
    jar.store(SM, [CF_BM]);
    expect(jar.cookieHeader(SM)).toBe('__cf_bm=bmSECRETvalue0123456789');
    jar.store(SM, ['__cf_bm=rotated; Max-Age=1800; Path=/; Domain=api.supermemory.ai']);
    expect(jar.cookieHeader(SM)).toBe('__cf_bm=rotated');
    jar.store(SM, ['__cf_bm=gone; Max-Age=0; Path=/; Domain=api.supermemory.ai']);
    expect(jar.cookieHeader(SM)).toBe('');
    expect(jar.total()).toBe(0);
  });

  it('ignores Set-Cookie lines the URL may not set', async () => {
    const jar = await openCookieJar({ file });
    jar.store(SM, ['x=1; Domain=example.com', 'garbage', 'y=2; Domain=ai']);
    expect(jar.total()).toBe(0);
  });
});

describe('openCookieJar: persistence', () => {
  it('a new jar from the same file still sends the cookie (restart)', async () => {
    const first = await openCookieJar({ file });
    first.store(SM, [CF_BM, CFUVID]);
    await first.flush();
    const second = await openCookieJar({ file });
    expect(second.cookieHeader(SM)).toBe('__cf_bm=bmSECRETvalue0123456789; _cfuvid=uvidSECRETvalue987654321');
    expect(second.total()).toBe(2);
  });

  it('writes the file with mode 0600', async () => {
    const jar = await openCookieJar({ file });
    jar.store(SM, [CF_BM]);
    await jar.flush();
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('writes debounced: one write after a burst of changes', async () => {
    const jar = await openCookieJar({ file, debounceMs: 20 });
    jar.store(SM, [CF_BM]);
    jar.store(SM, [CFUVID]);
    await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
    await new Promise((resolve) => setTimeout(resolve, 60));
    await jar.flush(); // waits for a write still in progress
    const saved = JSON.parse(await readFile(file, 'utf8')) as { jar: { cookies: unknown[] } };
    expect(saved.jar.cookies).toHaveLength(2);
  });

  it('writes atomically: readers only ever see a whole file, and no temp file stays behind', async () => {
    const jar = await openCookieJar({ file, debounceMs: 0 });
    jar.store(SM, [CF_BM]);
    await jar.flush();
    let reads = 0;
    const writes = (async () => {
      for (let i = 0; i < 40; i++) {
        jar.store(SM, [`k${i}=${'v'.repeat(2000)}; Path=/; Max-Age=600`]);
        await jar.flush();
      }
    })();
    let done = false;
    void writes.then(() => (done = true));
    while (!done) {
      const text = await readFile(file, 'utf8');
      expect(() => JSON.parse(text)).not.toThrow();
      reads++;
    }
    await writes;
    expect(reads).toBeGreaterThan(0);
    expect(await readdir(join(dir, 'state'))).toEqual(['cookies.json']);
  });

  it('a failed write rejects flush, leaves no temp file and keeps the change pending', async () => {
    await mkdir(file, { recursive: true }); // a directory where the file should go: rename fails
    const errors: Error[] = [];
    const jar = await openCookieJar({ file, onError: (e) => errors.push(e) });
    jar.store(SM, [CF_BM]);
    await expect(jar.flush()).rejects.toThrow(/Could not save cookie file/);
    expect((await readdir(join(dir, 'state'))).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    await rm(file, { recursive: true });
    await jar.flush();
    expect((await openCookieJar({ file })).total()).toBe(1);
  });

  it('a corrupt file: starts empty, reports it without its content, keeps it as .corrupt', async () => {
    await mkdir(join(dir, 'state'), { recursive: true });
    await writeFile(file, '{"version":1,"jar":{"cookies":[{"key":"__cf_bm","value":"leakedSECRET12345"');
    const errors: Error[] = [];
    const jar = await openCookieJar({ file, onError: (e) => errors.push(e) });
    expect(jar.total()).toBe(0);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toContain('.corrupt');
    expect(errors[0]?.message).not.toContain('leakedSECRET12345');
    expect(await readFile(`${file}.corrupt`, 'utf8')).toContain('leakedSECRET12345');
    jar.store(SM, [CF_BM]);
    await jar.flush();
    expect((await openCookieJar({ file })).total()).toBe(1);
  });

  it('a file of valid JSON that is not ours counts as corrupt too', async () => {
    await mkdir(join(dir, 'state'), { recursive: true });
    await writeFile(file, '[1,2,3]');
    const errors: Error[] = [];
    await openCookieJar({ file, onError: (e) => errors.push(e) });
    expect(errors[0]?.message).toMatch(/not a Switchboard cookie file/);
  });

  it('does not load cookies that expired while Switchboard was stopped', async () => {
    const t = clock();
    const first = await openCookieJar({ file, now: t.now });
    first.store(SM, [CF_BM, CFUVID]);
    await first.flush();
    t.advance(1801_000);
    const second = await openCookieJar({ file, now: t.now });
    expect(second.domains().map((d) => d.cookies.map((c) => c.name))).toEqual([['_cfuvid']]);
  });
});

describe('openCookieJar: summary, expiry and clearing', () => {
  it('summarises per domain with names, expiry and last update, never values', async () => {
    const t = clock();
    const jar = await openCookieJar({ file, now: t.now });
    jar.store(SM, [CF_BM]);
    t.advance(5000);
    jar.store(SM, [CFUVID]);
    const domains = jar.domains();
    expect(domains).toEqual([
      {
        domain: 'api.supermemory.ai',
        count: 1,
        lastUpdated: T0,
        cookies: [{ name: '__cf_bm', domain: 'api.supermemory.ai', path: '/', expires: T0 + 1800_000, secure: true, httpOnly: true }],
      },
      {
        domain: 'supermemory.ai',
        count: 1,
        lastUpdated: T0 + 5000,
        cookies: [{ name: '_cfuvid', domain: 'supermemory.ai', path: '/', expires: null, secure: true, httpOnly: true }],
      },
    ]);
    expect(JSON.stringify(domains)).not.toMatch(/SECRET/);
    expect(jar.total()).toBe(2);
    expect(jar.secretValues().sort()).toEqual(['bmSECRETvalue0123456789', 'uvidSECRETvalue987654321']);
  });

  it('Max-Age counts from when the cookie arrived, however often it is sent', async () => {
    const t = clock();
    const jar = await openCookieJar({ file, now: t.now });
    jar.store(SM, [CF_BM]);
    for (let i = 0; i < 3; i++) {
      t.advance(590_000);
      expect(jar.cookieHeader(SM)).not.toBe('');
    }
    t.advance(30_000);
    expect(jar.cookieHeader(SM)).toBe('');
  });

  it('fires onChange after store, expiry and clear', async () => {
    const t = clock();
    const jar = await openCookieJar({ file, now: t.now });
    const seen: number[] = [];
    const off = jar.onChange(() => seen.push(jar.total()));
    jar.store(SM, [CF_BM, CFUVID]);
    expect(seen).toEqual([2]);
    t.advance(1800_000);
    expect(jar.total()).toBe(1); // __cf_bm expired
    expect(seen).toEqual([2, 1]);
    await jar.clear();
    expect(seen).toEqual([2, 1, 0]);
    off();
    jar.store(SM, [CF_BM]);
    expect(seen).toEqual([2, 1, 0]);
  });

  it('fires onChange on its own when a cookie expires while nobody asks', async () => {
    // real time: the expiry timer is the only thing that can notice (about a second)
    const jar = await openCookieJar({ file });
    const changed = new Promise<number>((resolve) => {
      jar.store(SM, ['short=1; Max-Age=1; Path=/']);
      jar.onChange(() => resolve(jar.total()));
    });
    expect(await changed).toBe(0);
  });

  it('clear(domain) removes that domain and its subdomains only, and at once on disk', async () => {
    const jar = await openCookieJar({ file, debounceMs: 60_000 });
    jar.store(SM, [CF_BM, CFUVID]);
    jar.store('https://api.openai.com/v1/chat/completions', ['__cf_bm=openaiBM; Path=/; Max-Age=1800']);
    expect(jar.cookieHeader(SM)).not.toBe('');
    await jar.clear('.Supermemory.AI');
    expect(jar.cookieHeader(SM)).toBe('');
    expect(jar.cookieHeader('https://api.openai.com/v1/chat/completions')).toBe('__cf_bm=openaiBM');
    expect(jar.domains().map((d) => d.domain)).toEqual(['api.openai.com']);
    const reopened = await openCookieJar({ file });
    expect(reopened.cookieHeader(SM)).toBe('');
    expect(reopened.total()).toBe(1);
  });

  it('clear() removes everything', async () => {
    const jar = await openCookieJar({ file });
    jar.store(SM, [CF_BM, CFUVID]);
    await jar.clear();
    expect(jar.total()).toBe(0);
    expect(jar.domains()).toEqual([]);
    expect((await openCookieJar({ file })).total()).toBe(0);
  });
});
