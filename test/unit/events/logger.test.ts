import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../main/core/events/logger';
import { captureLog } from './log-capture';

const MASTER = 'sk-switchboard-master-7f3a9c1e';
const PROVIDER = 'sk-ant-api03-provider-4b2d8e6f';

describe('process logger', () => {
  it('writes JSON lines at the configured level', () => {
    const out = captureLog();
    const logger = createLogger({ level: 'info', destination: out.stream });
    logger.debug('hidden');
    logger.info({ port: 8765 }, 'listening');
    expect(out.lines()).toHaveLength(1);
    expect(out.lines()[0]).toMatchObject({ level: 30, msg: 'listening', port: 8765, name: 'switchboard' });
  });

  it('censors secret header and key paths', () => {
    const out = captureLog();
    const logger = createLogger({ level: 'info', destination: out.stream });
    logger.info(
      {
        headers: { authorization: `Bearer ${MASTER}`, 'x-api-key': PROVIDER, cookie: '__cf_bm=abc123456789', accept: 'application/json' },
        req: { headers: { 'x-supermemory-api-key': 'sm_key_0123456789' } },
        res: { headers: { 'set-cookie': ['__cf_bm=abc123456789; Path=/'] } },
        config: { apiKey: PROVIDER, masterKey: MASTER },
        token: 'admin-token-0123456789',
      },
      'request',
    );
    const line = out.lines()[0] as {
      headers: Record<string, string>;
      req: { headers: Record<string, string> };
      res: { headers: Record<string, string> };
      config: Record<string, string>;
      token: string;
    };
    expect(line.headers).toEqual({ authorization: '[redacted]', 'x-api-key': '[redacted]', cookie: '[redacted]', accept: 'application/json' });
    expect(line.req.headers['x-supermemory-api-key']).toBe('[redacted]');
    expect(line.res.headers['set-cookie']).toBe('[redacted]');
    expect(line.config).toEqual({ apiKey: '[redacted]', masterKey: '[redacted]' });
    expect(line.token).toBe('[redacted]');
    for (const secret of [MASTER, PROVIDER, 'abc123456789', 'sm_key_0123456789', 'admin-token-0123456789']) {
      expect(out.text()).not.toContain(secret);
    }
  });

  it('scrubs known secret values anywhere in a line: messages, errors, deep objects', () => {
    const out = captureLog();
    const secrets = [MASTER, PROVIDER, 'quote"and\\slash-secret'];
    const logger = createLogger({ level: 'info', destination: out.stream, secrets: () => secrets });
    logger.info(`key is ${MASTER}`);
    logger.error({ err: new Error(`upstream said: invalid x-api-key ${PROVIDER}`) }, 'upstream failed');
    logger.warn({ a: { b: { c: { d: PROVIDER } } }, odd: 'quote"and\\slash-secret' }, 'deep');
    logger.child({ component: 'sdk' }).info({ note: MASTER }, 'child');
    const text = out.text();
    for (const secret of secrets) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(JSON.stringify(secret).slice(1, -1));
    }
    expect(out.lines()).toHaveLength(4); // still valid JSON after scrubbing
    expect(out.lines()[0]?.msg).toBe('key is [redacted]');
    expect(text).toContain('upstream said: invalid x-api-key [redacted]');
  });

  it('uses the current secrets on every line', () => {
    const out = captureLog();
    let secrets: string[] = [];
    const logger = createLogger({ level: 'info', destination: out.stream, secrets: () => secrets });
    logger.info('cookie value cf-cookie-value-01');
    secrets = ['cf-cookie-value-01'];
    logger.info('cookie value cf-cookie-value-01');
    const lines = out.lines();
    expect(lines[0]?.msg).toBe('cookie value cf-cookie-value-01');
    expect(lines[1]?.msg).toBe('cookie value [redacted]');
  });
});
