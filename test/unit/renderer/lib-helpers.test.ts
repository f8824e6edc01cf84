import { describe, expect, it } from 'vitest';
import { BACKOFF_MAX_MS, backoffDelay } from '../../../renderer/src/lib/backoff';
import { bodyView, capNote, prettyJson } from '../../../renderer/src/lib/body-view';
import { clientSettings, KEY_PLACEHOLDER } from '../../../renderer/src/lib/client-settings';
import { errorRate, formatBytes, formatMs, formatPercent, formatRelative } from '../../../renderer/src/lib/format';
import { identityHue } from '../../../renderer/src/lib/identity-colour';
import { fakeServerInfo } from '../../fixtures/fake-admin/fake-records';

describe('backoffDelay', () => {
  it('starts near 0.5 s, doubles, caps at 10 s, and jitters within half the base', () => {
    const low = () => 0;
    const high = () => 0.999_999;
    expect([0, 1, 2, 3, 4, 5, 6, 10].map((a) => backoffDelay(a, high))).toEqual([
      500, 1000, 2000, 4000, 8000, 10000, 10000, 10000,
    ]);
    expect(backoffDelay(0, low)).toBe(250);
    expect(backoffDelay(9, low)).toBe(BACKOFF_MAX_MS / 2);
  });
});

describe('identityHue', () => {
  it('is stable per name and spreads common identities apart', () => {
    expect(identityHue('pycharm-ai')).toBe(identityHue('pycharm-ai'));
    const hues = ['pycharm-ai', 'claude-cli', 'openai-sdk', 'anthropic-sdk', 'default-user', 'anthropic-python', 'switchboard-health', 'anthropic-js'].map(identityHue);
    // the built-in identities get clearly different colours (>= 2 steps apart); anthropic-python,
    // default-dev and pycharm-ai were all purple when every hue came from the hash
    expect(identityHue('default-dev')).toBe(identityHue('default-user'));
    for (let i = 0; i < hues.length; i++) {
      for (let j = i + 1; j < hues.length; j++) {
        const gap = Math.abs(hues[i]! - hues[j]!);
        expect(Math.min(gap, 360 - gap)).toBeGreaterThanOrEqual(36);
      }
    }
    for (const hue of hues) expect(hue % 18).toBe(0);
    // a user's own identity never takes a built-in's hue
    const own = ['notebook-research', 'my-project', 'ci-bot', 'alice', 'bob'].map(identityHue);
    for (const hue of own) expect(hues).not.toContain(hue);
  });
});

describe('format', () => {
  it('formats durations, sizes, ratios and relative times', () => {
    expect([formatMs(null), formatMs(42.4), formatMs(1_234), formatMs(12_345), formatMs(125_000)]).toEqual([
      '—', '42 ms', '1.23 s', '12.3 s', '2m 05s',
    ]);
    expect([formatBytes(12), formatBytes(2_048), formatBytes(150 * 1024), formatBytes(3 * 1024 * 1024)]).toEqual([
      '12 B', '2.0 KB', '150 KB', '3.0 MB',
    ]);
    expect([formatPercent(null), formatPercent(0), formatPercent(0.0004), formatPercent(0.052), formatPercent(0.25)]).toEqual([
      '—', '0%', '<0.1%', '5.2%', '25%',
    ]);
    expect(errorRate(0, 0)).toBeNull();
    expect(errorRate(4, 1)).toBe(0.25);
    const now = 1_700_000_000_000;
    expect([null, now - 1_000, now - 42_000, now - 5 * 60_000, now - 3 * 3_600_000, now + 120_000].map((t) => formatRelative(t, now))).toEqual([
      'never', 'just now', '42 s ago', '5 min ago', '3 h ago', 'in 2 min',
    ]);
  });
});

describe('bodyView', () => {
  it('pretty-prints JSON and leaves other text alone', () => {
    expect(prettyJson('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(prettyJson('{oops')).toBeNull();
    expect(bodyView({ text: '{"a":[1]}', truncated: false, totalBytes: 9, contentType: 'application/json', sse: false })).toEqual({
      kind: 'json',
      text: '{\n  "a": [\n    1\n  ]\n}',
    });
    expect(bodyView({ text: 'plain', truncated: false, totalBytes: 5, contentType: 'text/plain', sse: false }).kind).toBe('text');
    expect(bodyView(null).kind).toBe('empty');
  });

  it('splits an SSE transcript into events and keeps a capped tail as raw text', () => {
    const text = 'event: message_start\ndata: {"type":"message_start"}\n\nevent: content_block_delta\ndata: {"type":"content_bl';
    const view = bodyView({ text, truncated: true, totalBytes: 90_000, contentType: 'text/event-stream', sse: true });
    expect(view).toEqual({
      kind: 'sse',
      events: [{ event: 'message_start', data: '{\n  "type": "message_start"\n}' }],
      tail: 'event: content_block_delta\ndata: {"type":"content_bl',
    });
  });

  it('explains a size cap', () => {
    expect(capNote({ text: 'abc', truncated: false, totalBytes: 3, contentType: null, sse: false })).toBeNull();
    expect(capNote({ text: 'a'.repeat(2048), truncated: true, totalBytes: 150 * 1024, contentType: null, sse: false })).toBe(
      'Showing the first 2.0 KB of 150 KB (capture limit).',
    );
  });
});

describe('clientSettings', () => {
  it('builds copy-ready settings with a placeholder until the key is revealed', () => {
    const server = fakeServerInfo();
    const hidden = clientSettings(server, null);
    expect(hidden.find((s) => s.id === 'claude-code')?.text).toBe(
      `ANTHROPIC_BASE_URL=http://127.0.0.1:8765\nANTHROPIC_API_KEY=${KEY_PLACEHOLDER}`,
    );
    expect(hidden.find((s) => s.id === 'jetbrains')?.text).toContain('http://127.0.0.1:8765/v1');
    const shown = clientSettings(server, 'sk-secret');
    expect(shown.find((s) => s.id === 'openai-python')?.text).toContain('api_key="sk-secret"');
  });
});
