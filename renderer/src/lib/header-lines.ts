// The "try a User-Agent" box accepts "Name: value" lines; a bare line is a User-Agent, since that is what
// people paste most.

export function parseHeaderLines(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).trim() : '';
    if (name && /^[A-Za-z0-9-]+$/.test(name)) headers[name.toLowerCase()] = line.slice(colon + 1).trim();
    else headers['user-agent'] = line;
  }
  return headers;
}
