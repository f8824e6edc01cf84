// Which browser permissions the dashboard gets: writing to the clipboard, nothing else. Its Copy buttons
// use navigator.clipboard.writeText, which Chromium asks for as 'clipboard-sanitized-write' (a denied
// request makes every Copy button fail inside the app; electron/electron#37158). Reading the clipboard,
// camera, notifications, geolocation and the rest stay denied, and so does any page not served from the
// dashboard's own origin.
import { originOf } from './window-security';

export const DASHBOARD_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function allowPermission(permission: string, requestingUrl: string | null, dashboardOrigin: string): boolean {
  if (!DASHBOARD_PERMISSIONS.has(permission)) return false;
  return requestingUrl !== null && dashboardOrigin !== '' && originOf(requestingUrl) === dashboardOrigin;
}
