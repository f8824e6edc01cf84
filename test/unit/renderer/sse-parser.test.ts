import { describe, expect, it } from 'vitest';
import { createSseParser, type SseItem } from '../../../renderer/src/lib/sse-parser';

function parseInPieces(text: string, size: number): SseItem[] {
  const parser = createSseParser();
  const out: SseItem[] = [];
  for (let i = 0; i < text.length; i += size) out.push(...parser.push(text.slice(i, i + size)));
  return out;
}

const stream =
  ': hello\n\n' +
  'id: 1\nevent: request.started\ndata: {"seq":1}\n\n' +
  'id: 2\r\nevent: log.cleared\r\ndata: {"seq":2,\r\ndata: "x":1}\r\n\r\n' +
  'data:no-space\rdata:  two spaces\r\r' +
  'event: ignored-without-data\n\n' +
  'id: 3\ndata: {"seq":3}\n';

describe('createSseParser', () => {
  it('parses ids, event names, multi-line data, comments and every line ending', () => {
    const items = parseInPieces(stream, 1_000);
    expect(items).toEqual([
      { kind: 'comment', text: 'hello' },
      { kind: 'message', id: '1', event: 'request.started', data: '{"seq":1}' },
      { kind: 'message', id: '2', event: 'log.cleared', data: '{"seq":2,\n"x":1}' },
      { kind: 'message', id: null, event: 'message', data: 'no-space\n two spaces' },
    ]);
  });

  it('gives the same result whatever the chunk boundaries (including between \\r and \\n)', () => {
    const whole = parseInPieces(stream, 1_000);
    for (const size of [1, 2, 3, 7, 13]) expect(parseInPieces(stream, size)).toEqual(whole);
  });

  it('holds an unfinished event until its blank line arrives', () => {
    const parser = createSseParser();
    expect(parser.push('id: 3\ndata: {"seq":3}\n')).toEqual([]);
    expect(parser.push('\n')).toEqual([{ kind: 'message', id: '3', event: 'message', data: '{"seq":3}' }]);
  });
});
