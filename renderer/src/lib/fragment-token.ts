// Headless mode hands the admin token over in the URL fragment (`/ui/#token=…`): fragments are never
// sent to the server nor written to its access log. We read it once and drop it from the address bar.

export interface FragmentToken {
  token: string | null;
  /** the fragment without the token ('' when nothing else was there), for history.replaceState */
  rest: string;
}

export function parseFragmentToken(hash: string): FragmentToken {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!raw) return { token: null, rest: '' };
  const params = new URLSearchParams(raw);
  const token = params.get('token');
  if (token === null) return { token: null, rest: hash };
  params.delete('token');
  const rest = params.toString();
  return { token: token || null, rest: rest ? `#${rest}` : '' };
}
