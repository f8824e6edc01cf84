// The dashboard at /ui/ (headless mode and the Electron window both load it from here), under a strict
// Content-Security-Policy: same-origin scripts, styles and connections only.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Express, Response } from 'express';
import type { ExpressModule } from './express-module';

export const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function mountUi(express: ExpressModule, app: Express, rendererDir: string | null): void {
  const setSecurityHeaders = (res: Response) => {
    res.setHeader('content-security-policy', DASHBOARD_CSP);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    res.setHeader('x-frame-options', 'DENY');
  };
  // Express 5 routes are not strict: '/ui' would also match '/ui/' and redirect it to itself
  app.get('/ui', (req, res, next) => (req.path === '/ui' ? res.redirect(301, '/ui/') : next()));
  if (!rendererDir || !existsSync(join(rendererDir, 'index.html'))) {
    app.get('/ui/', (_req, res) => {
      setSecurityHeaders(res);
      res.status(503).type('text/plain').send('The dashboard is not built. Run `npm run build`, then reload.');
    });
    return;
  }
  app.use('/ui', express.static(rendererDir, {
    index: 'index.html',
    fallthrough: false,
    setHeaders: (res, path) => {
      setSecurityHeaders(res);
      // hashed assets are immutable; index.html must always be fresh
      res.setHeader('cache-control', path.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable');
    },
  }));
}
