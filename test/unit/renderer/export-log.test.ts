import { describe, expect, it } from 'vitest';
import { toHar, toJsonl } from '../../../renderer/src/lib/export-log';
import { fakeRecord } from '../../fixtures/fake-admin/fake-records';

const rows = [
  fakeRecord({ id: 'b', startedAt: 1_700_000_001_000, path: '/v1/messages?beta=true', method: 'POST', stream: true, ttfbMs: 100, durationMs: 400 }),
  fakeRecord({ id: 'a', startedAt: 1_700_000_000_000, status: null, phase: 'error', ttfbMs: null, durationMs: 50, errorCode: 'UPSTREAM_UNREACHABLE' }),
];

describe('export', () => {
  it('writes one JSON record per line', () => {
    const text = toJsonl(rows);
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0]!)).toEqual(rows[0]);
    expect(toJsonl([])).toBe('');
  });

  it('writes HAR 1.2 with entries oldest first and consistent timings', () => {
    const har = toHar(rows, { baseUrl: 'http://127.0.0.1:8765/', creatorVersion: '0.1.0' });
    expect(har.log.version).toBe('1.2');
    expect(har.log.creator).toEqual({ name: 'Switchboard', version: '0.1.0' });
    const [first, second] = har.log.entries;
    expect(first?._id).toBe('a');
    expect(first?.response.status).toBe(0);
    expect(first?.timings).toEqual({ send: 0, wait: 50, receive: 0 });
    expect(second?.request.url).toBe('http://127.0.0.1:8765/v1/messages?beta=true');
    expect(second?.request.queryString).toEqual([{ name: 'beta', value: 'true' }]);
    expect(second?.response.content.mimeType).toBe('text/event-stream');
    expect(second?.timings).toEqual({ send: 0, wait: 100, receive: 300 });
    for (const entry of har.log.entries) {
      expect(entry.time).toBe(entry.timings.send + entry.timings.wait + entry.timings.receive);
      expect(new Date(entry.startedDateTime).toISOString()).toBe(entry.startedDateTime);
    }
  });
});
