// The dashboard window's security posture, as data and pure decisions. The window shows pages served by
// our own loopback gateway; it must never become a general browser: no Node in the page, no navigation
// away, no new windows, and links to the outside open in the system browser.
import { DASHBOARD_CSP as CORE_DASHBOARD_CSP } from '../../core/http/ui-route';
import type { NavigationDecision, WindowSpec } from '../facade-types';

export interface WindowSpecInput {
  preloadPath: string;
  bounds: { x?: number; y?: number; width: number; height: number };
  show: boolean;
}

/** the dashboard's compact layout works from 380 px wide (a tray popover), so the window may be that small */
export const WINDOW_MIN_SIZE = { width: 380, height: 420 } as const;
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
 * The gateway already sends this policy with the dashboard; the window enforces the same one on every
 * response from the gateway's origin, so error pages and redirects are covered too, and a gateway
 * change that dropped the header would not leave the window unprotected. One definition, in the core.
 */
export const DASHBOARD_CSP: string = CORE_DASHBOARD_CSP;

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
