import { describe, expect, it } from 'vitest';
import { restoreBounds } from '../../../main/electron/window/window-bounds';
import {
  DASHBOARD_CSP,
  decideNavigation,
  isExternalWebUrl,
  mainWindowSpec,
  WINDOW_DEFAULT_SIZE,
  WINDOW_MIN_SIZE,
  withCsp,
} from '../../../main/electron/window/window-security';

const ORIGIN = 'http://127.0.0.1:8765';

describe('window options', () => {
  it('isolate the page: context isolation, sandbox, no Node, no webview, web security on', () => {
    const spec = mainWindowSpec({ preloadPath: '/app/preload.cjs', bounds: { width: 1000, height: 700 }, show: false });
    expect(spec.webPreferences).toEqual({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
    expect(spec).toMatchObject({ width: 1000, height: 700, show: false, minWidth: WINDOW_MIN_SIZE.width });
  });
});

describe('content security policy', () => {
  it('allows scripts and connections only from the gateway itself', () => {
    const directives = new Map(DASHBOARD_CSP.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(DASHBOARD_CSP).not.toMatch(/unsafe-eval|unsafe-inline|\*/);
  });

  it('replaces whatever CSP the server sent, whatever its header case', () => {
    const out = withCsp({ 'content-type': ['text/html'], 'Content-Security-Policy': ["default-src *"], 'content-security-policy': ['x'] }, DASHBOARD_CSP);
    expect(out).toEqual({ 'content-type': ['text/html'], 'Content-Security-Policy': [DASHBOARD_CSP] });
  });
});

describe('navigation policy', () => {
  it.each([
    [`${ORIGIN}/ui/`, 'allow'],
    [`${ORIGIN}/ui`, 'allow'],
    [`${ORIGIN}/ui/#/requests/abc`, 'allow'],
    [`${ORIGIN}/admin/snapshot`, 'block'],
    [`${ORIGIN}/v1/models`, 'block'],
    ['http://127.0.0.1:9999/ui/', 'open-external'],
    ['https://docs.litellm.ai/docs/proxy', 'open-external'],
    ['http://example.com/', 'open-external'],
    ['file:///etc/passwd', 'block'],
    ['javascript:alert(1)', 'block'],
    ['data:text/html,<script>1</script>', 'block'],
    ['vscode://settings', 'block'],
    ['not a url', 'block'],
  ] as const)('%s -> %s', (url, decision) => {
    expect(decideNavigation(url, ORIGIN, '/ui/')).toBe(decision);
  });

  it('opens only http(s) links externally', () => {
    expect(isExternalWebUrl('https://supermemory.ai')).toBe(true);
    expect(isExternalWebUrl('smb://server/share')).toBe(false);
    expect(isExternalWebUrl('file:///C:/Windows')).toBe(false);
  });
});

describe('window bounds', () => {
  const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];

  it('uses the default size the first time', () => {
    expect(restoreBounds(null, screen)).toEqual(WINDOW_DEFAULT_SIZE);
  });

  it('restores a saved position that is still on a screen', () => {
    expect(restoreBounds({ x: 100, y: 50, width: 1000, height: 700 }, screen)).toEqual({ x: 100, y: 50, width: 1000, height: 700 });
  });

  it('drops a position on a monitor that is gone, keeping the size', () => {
    expect(restoreBounds({ x: 2500, y: 50, width: 1000, height: 700 }, screen)).toEqual({ width: 1000, height: 700 });
    expect(restoreBounds({ x: 100, y: -400, width: 1000, height: 700 }, screen)).toEqual({ width: 1000, height: 700 });
  });

  it('keeps a window on a second monitor to the left', () => {
    const two = [...screen, { x: -1280, y: 0, width: 1280, height: 1024 }];
    expect(restoreBounds({ x: -1200, y: 40, width: 900, height: 600 }, two)).toEqual({ x: -1200, y: 40, width: 900, height: 600 });
  });

  it('clamps sizes between the minimum and the largest screen', () => {
    expect(restoreBounds({ width: 100, height: 100 }, screen)).toEqual({ width: WINDOW_MIN_SIZE.width, height: WINDOW_MIN_SIZE.height });
    expect(restoreBounds({ width: 5000, height: 3000 }, screen)).toEqual({ width: 1920, height: 1080 });
  });
});
