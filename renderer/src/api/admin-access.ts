// Where the admin token comes from: the Electron preload (window.switchboard) or, in a plain browser,
// the URL fragment. The fragment is removed from the address bar and from history at once; the token is
// kept in sessionStorage (this tab only, gone when it closes) so a reload does not lock the user out.
import { BRIDGE_GLOBAL, type SwitchboardBridge } from '../../../shared/protocol/ipc';
import { parseFragmentToken } from '../lib/fragment-token';

const STORAGE_KEY = 'switchboard.admin-token';

export interface AdminAccess {
  /** '' = same origin */
  baseUrl: string;
  token: string;
  bridge: SwitchboardBridge | null;
}

function readBridge(): SwitchboardBridge | null {
  const candidate = (window as unknown as Record<string, unknown>)[BRIDGE_GLOBAL];
  if (typeof candidate !== 'object' || candidate === null) return null;
  const bridge = candidate as SwitchboardBridge;
  return typeof bridge.adminToken === 'string' && typeof bridge.adminUrl === 'string' ? bridge : null;
}

function sameOrigin(url: string): boolean {
  try {
    return new URL(url).origin === window.location.origin;
  } catch {
    return false;
  }
}

export function readAdminAccess(): AdminAccess | null {
  const bridge = readBridge();
  if (bridge) return { baseUrl: sameOrigin(bridge.adminUrl) ? '' : bridge.adminUrl, token: bridge.adminToken, bridge };

  const { token, rest } = parseFragmentToken(window.location.hash);
  if (window.location.hash.includes('token=')) {
    window.history.replaceState(null, '', window.location.pathname + window.location.search + rest);
  }
  let stored: string | null = null;
  try {
    if (token) window.sessionStorage.setItem(STORAGE_KEY, token);
    stored = window.sessionStorage.getItem(STORAGE_KEY);
  } catch {
    // storage can be disabled; the token then lives for this page load only
  }
  const found = token ?? stored;
  return found ? { baseUrl: '', token: found, bridge: null } : null;
}
