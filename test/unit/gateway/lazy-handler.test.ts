// The lazily built handler behind the front door (http/lazy-handler.ts): one build for concurrent first
// requests, handed on in arrival order, a failed build answered through `fail` (not left hanging), and
// retried by the next request.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { lazyHandler } from '../../../main/core/http/lazy-handler';
import type { NodeHandler } from '../../../main/core/http/lazy-handler';

const request = (url: string) => ({ url }) as IncomingMessage;
const response = () => ({}) as ServerResponse;
const settle = () => new Promise((resolve) => setImmediate(resolve));

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('lazyHandler', () => {
  it('builds once for concurrent first requests and serves them in arrival order, then directly', async () => {
    const served: string[] = [];
    const build = deferred<NodeHandler>();
    let builds = 0;
    const handler = lazyHandler(() => {
      builds++;
      return build.promise;
    }, () => served.push('failed'));
    for (const url of ['/a', '/b', '/c']) handler(request(url), response());
    await settle();
    expect(builds).toBe(1);
    expect(served).toEqual([]);
    build.resolve((req) => served.push(req.url!));
    await settle();
    expect(served).toEqual(['/a', '/b', '/c']);
    handler(request('/d'), response());
    // once built, a request is handed on synchronously
    expect(served).toEqual(['/a', '/b', '/c', '/d']);
    expect(builds).toBe(1);
  });

  it('sends every waiting request to fail when the build fails, and the next request builds again', async () => {
    const failed: Array<{ url: string; error: unknown }> = [];
    const served: string[] = [];
    const attempts = [deferred<NodeHandler>(), deferred<NodeHandler>()];
    let builds = 0;
    const handler = lazyHandler(
      () => attempts[builds++]!.promise,
      (req, _res, error) => failed.push({ url: req.url!, error }),
    );
    handler(request('/a'), response());
    handler(request('/b'), response());
    attempts[0]!.reject(new Error('cannot load'));
    await settle();
    expect(failed.map((f) => f.url)).toEqual(['/a', '/b']);
    expect(String(failed[0]!.error)).toContain('cannot load');

    handler(request('/c'), response());
    attempts[1]!.resolve((req) => served.push(req.url!));
    await settle();
    expect(builds).toBe(2);
    expect(served).toEqual(['/c']);
  });

  it('treats a build that throws synchronously as a failed build', async () => {
    const failed: string[] = [];
    const handler = lazyHandler(() => {
      throw new Error('sync');
    }, (req) => failed.push(req.url!));
    handler(request('/a'), response());
    await settle();
    expect(failed).toEqual(['/a']);
  });
});
