import { describe, expect, it } from 'vitest';
import { claudeCodeSetup } from '../../../main/electron/copy-text';

describe('Claude Code setup text', () => {
  it('exports the base URL and the key as Bearer token for POSIX shells', () => {
    expect(claudeCodeSetup('http://127.0.0.1:8765', 'sk-sb-abc', 'darwin')).toBe(
      'export ANTHROPIC_BASE_URL=http://127.0.0.1:8765\nexport ANTHROPIC_AUTH_TOKEN=sk-sb-abc\n',
    );
  });

  it('quotes a key with shell characters so pasting cannot run anything', () => {
    expect(claudeCodeSetup('http://127.0.0.1:8765', "k$(rm -rf ~)'x", 'linux')).toContain(`ANTHROPIC_AUTH_TOKEN='k$(rm -rf ~)'\\''x'`);
  });

  it('uses PowerShell syntax on Windows, single-quoted (no expansion)', () => {
    expect(claudeCodeSetup('http://127.0.0.1:8765', "a$b'c", 'win32')).toBe(
      "$env:ANTHROPIC_BASE_URL = 'http://127.0.0.1:8765'\r\n$env:ANTHROPIC_AUTH_TOKEN = 'a$b''c'\r\n",
    );
  });
});
