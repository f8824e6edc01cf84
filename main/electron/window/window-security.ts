// The dashboard window's security posture, as data and pure decisions. The window shows pages served by
// our own loopback gateway; it must never become a general browser: no Node in the page, no navigation
// away, no new windows, and links to the outside open in the system browser.
import type { NavigationDecision, WindowSpec } from '../facade-types';

export interface WindowSpecInput {
  preloadPath: string;
  bounds: { x?: number; y?: number; width: number; height: number };
  show: boolean;
}

export const WINDOW_MIN_SIZE = { width: 720, height: 480 } as const;
export const WINDOW_DEFAULT_SIZE = { width: 1200, height: 800 } as const;

export function mainWindowSpec(input: WindowSpecInput): WindowSpec {
  return {
    ...input.bounds,
    minWidth: WINDOW_MIN_SIZE.width,
    minHeight: WINDOW_MIN_SIZE.height,
    title: 'Switchboard',
    show: input.show,
    backgroundColor: '#111418',
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  };
}

/**
 * Added to every response from the dashboard origin. Scripts only from the gateway itself (the Vite build
 * emits files, no inline scripts); the dashboard talks to the admin API on the same origin; inline styles
 * stay allowed because React style props and Vite's CSS injection in dev rely on them.
 */
export const DASHBOARD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

export function isExternalWebUrl(url: string): boolean {
  return originOf(url) !== null;
}

/**
 * Navigation inside the window stays on the dashboard (same origin, under uiPath); any other http(s) URL
 * opens in the system browser; everything else (file:, javascript:, custom schemes) is blocked.
 */
export function decideNavigation(url: string, dashboardOrigin: string, uiPath: string): NavigationDecision {
  const origin = originOf(url);
  if (origin === null) return 'block';
  if (origin === dashboardOrigin) {
    const path = new URL(url).pathname;
    return path === uiPath.replace(/\/$/, '') || path.startsWith(uiPath) ? 'allow' : 'block';
  }
  return 'open-external';
}

/** Replaces any CSP the server sent (header names are case-insensitive) with ours. */
export function withCsp(
  headers: Record<string, string[]>,
  csp: string,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    out[name] = value;
  }
  out['Content-Security-Policy'] = [csp];
  return out;
}
