import { describe, expect, it } from 'vitest';
import { compareMarks, compareSummary, headerMarked, markLines, prettyBody } from '../../../renderer/src/lib/compare-view';
import { parseViewFragment } from '../../../renderer/src/lib/view-fragment';

describe('Compare: marking the two answers', () => {
  it('marks the lines one side has and the other lacks, ignoring indentation and a trailing comma', () => {
    const a = prettyBody('{"id":"x","usage":{"in":1}}');
    const b = prettyBody('{"id":"x","usage":{"in":1},"extra":true}');
    expect(markLines(b, a).filter((l) => l.changed).map((l) => l.text.trim())).toEqual(['"extra": true']);
    expect(markLines(a, b).filter((l) => l.changed)).toEqual([]);
  });

  it('counts repeated lines (a line twice here, once there marks one)', () => {
    expect(markLines('a\na\nb', 'a\nb').map((l) => l.changed)).toEqual([false, true, false]);
  });

  it('keeps non-JSON bodies as they are', () => {
    expect(prettyBody('event: ping\ndata: {}\n')).toBe('event: ping\ndata: {}\n');
  });

  it('turns the server’s differences into marks and a summary', () => {
    const differences = [
      { field: 'status', original: '200', replay: '500' },
      { field: 'header:request-id', original: 'present', replay: 'absent' },
    ];
    const marks = compareMarks(differences);
    expect(marks).toMatchObject({ status: true, timing: false, body: false, streamEvents: false });
    expect(headerMarked(marks, 'llm_provider-request-id')).toBe(true);
    expect(headerMarked(marks, 'content-type')).toBe(false);
    const side = { backend: 'sdk' as const, requestId: 'a', status: 200, headers: {}, body: '', streamEvents: [], durationMs: 1 };
    expect(compareSummary({ original: side, replay: side, differences })).toBe('2 differences: Status, Header request-id.');
    expect(compareSummary({ original: side, replay: side, differences: [] })).toContain('No difference');
  });
});

describe('#view= fragment', () => {
  it('reads a known view and leaves the rest of the fragment', () => {
    expect(parseViewFragment('#view=cutover&x=1', ['requests', 'cutover'])).toEqual({ view: 'cutover', rest: '#x=1' });
    expect(parseViewFragment('#view=nope', ['requests'])).toEqual({ view: null, rest: '' });
    expect(parseViewFragment('#token=abc', ['requests'])).toEqual({ view: null, rest: '#token=abc' });
    expect(parseViewFragment('', ['requests'])).toEqual({ view: null, rest: '' });
  });
});
