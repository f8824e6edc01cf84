// What the tray's "Copy …" items put on the clipboard. Claude Code reads ANTHROPIC_BASE_URL and sends
// ANTHROPIC_AUTH_TOKEN as `Authorization: Bearer`, which the gateway accepts as its key (an
// ANTHROPIC_API_KEY would make Claude Code ask whether to trust a custom key on every new setup).

export function claudeCodeSetup(baseUrl: string, masterKey: string, platform: NodeJS.Platform): string {
  if (platform === 'win32') {
    return [`$env:ANTHROPIC_BASE_URL = ${psQuote(baseUrl)}`, `$env:ANTHROPIC_AUTH_TOKEN = ${psQuote(masterKey)}`, ''].join('\r\n');
  }
  return [`export ANTHROPIC_BASE_URL=${shellQuote(baseUrl)}`, `export ANTHROPIC_AUTH_TOKEN=${shellQuote(masterKey)}`, ''].join('\n');
}

function shellQuote(value: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** PowerShell single-quoted strings expand nothing; a quote is doubled. */
function psQuote(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
