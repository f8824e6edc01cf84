// DNS-rebinding guard: a web page can make a browser send requests to 127.0.0.1 under its own host name,
// so only loopback names and configured ones are served.
import type { NextFunction, Request, Response } from 'express';
import { GatewayError, renderErrorBody } from '../../../shared/errors';

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1', '[::1]'];

export function allowedHostSet(configuredHost: string, extra: string[]): Set<string> {
  const names = new Set(LOOPBACK_NAMES);
  const add = (name: string) => {
    const lower = name.toLowerCase();
    names.add(lower);
    if (lower.includes(':') && !lower.startsWith('[')) names.add(`[${lower}]`);
  };
  add(configuredHost);
  for (const name of extra) add(name);
  return names;
}

/** The host name of a Host header without its port ("[::1]:8765" -> "[::1]"). */
export function hostName(header: string): string {
  const lower = header.toLowerCase();
  if (lower.startsWith('[')) {
    const end = lower.indexOf(']');
    return end === -1 ? lower : lower.slice(0, end + 1);
  }
  const colon = lower.indexOf(':');
  return colon === -1 ? lower : lower.slice(0, colon);
}

/** HTTP/1.0 clients may omit Host; a rebinding browser never does. */
export function isAllowedHost(allowed: Set<string>, host: string | undefined): boolean {
  return host === undefined || allowed.has(hostName(host));
}

export function forbiddenHost(host: string): GatewayError {
  return new GatewayError('FORBIDDEN_HOST', `Host ${hostName(host)} is not allowed; add it to switchboard.allowed_hosts`);
}

export function hostGuard(allowed: Set<string>) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (isAllowedHost(allowed, req.headers.host)) return next();
    res.status(403).json(renderErrorBody(forbiddenHost(req.headers.host ?? ''), 'openai'));
  };
}
