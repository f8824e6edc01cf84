// Which view to open, from the URL fragment: `#view=cutover` (the tray's "Open Cutover…" loads the
// dashboard so). Read, then dropped from the address bar, so the next such load is a fragment change the
// page hears about (the same URL twice would not fire `hashchange`).

export function parseViewFragment<V extends string>(hash: string, views: readonly V[]): { view: V | null; rest: string } {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!raw) return { view: null, rest: '' };
  const params = new URLSearchParams(raw);
  const wanted = params.get('view');
  if (wanted === null) return { view: null, rest: hash };
  params.delete('view');
  const rest = params.toString();
  const view = (views as readonly string[]).includes(wanted) ? (wanted as V) : null;
  return { view, rest: rest ? `#${rest}` : '' };
}
