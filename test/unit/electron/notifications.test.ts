import { describe, expect, it } from 'vitest';
import type { NotificationSpec } from '../../../main/electron/facade-types';
import {
  createNotifier,
  notificationForEvent,
  notificationForModeResult,
  notificationForStartProblem,
} from '../../../main/electron/notifications';
import { classifyStartError } from '../../../main/electron/start-error';
import { ConfigError } from '../../../main/core/config';
import { GatewayError } from '../../../shared/errors';
import { backend, event, metricsEvent, modeState } from './fixtures/gateway-data';

describe('which events notify', () => {
  it('backend crashed or failed', () => {
    expect(notificationForEvent(event(1, { type: 'backend.state', backend: backend('binary', 'crashed', 'exit code 1') }))).toMatchObject({
      title: 'Binary (LiteLLM) backend crashed',
      body: 'exit code 1',
    });
    expect(notificationForEvent(event(2, { type: 'backend.state', backend: backend('binary', 'failed') }))?.title).toBe('Binary (LiteLLM) backend failed');
    expect(notificationForEvent(event(3, { type: 'backend.state', backend: backend('binary', 'ready') }))).toBeNull();
    expect(notificationForEvent(event(4, { type: 'backend.state', backend: backend('binary', 'stopping') }))).toBeNull();
  });

  it('fell back, and failed switches or rollbacks; not successful switches', () => {
    const fallback = modeState('sdk', { lastSwitch: { kind: 'fallback', from: 'binary', to: 'sdk', at: 1, ok: true, reason: null } });
    expect(notificationForEvent(event(1, { type: 'mode.changed', mode: fallback }))).toMatchObject({
      id: 'mode-fallback',
      title: 'Fell back to SDK mode',
      body: 'The Binary (LiteLLM) backend stopped working.',
    });
    const failed = modeState('sdk', { lastSwitch: { kind: 'switch', from: 'sdk', to: 'binary', at: 1, ok: false, reason: 'LiteLLM did not become ready in time' } });
    expect(notificationForEvent(event(2, { type: 'mode.changed', mode: failed }))).toMatchObject({
      title: 'Could not switch to Binary (LiteLLM) mode',
      body: 'LiteLLM did not become ready in time',
    });
    const ok = modeState('binary', { lastSwitch: { kind: 'switch', from: 'sdk', to: 'binary', at: 1, ok: true, reason: null } });
    expect(notificationForEvent(event(3, { type: 'mode.changed', mode: ok }))).toBeNull();
    expect(notificationForEvent(metricsEvent(4, 3))).toBeNull();
  });

  it('a failed mode request from the tray', () => {
    expect(notificationForModeResult({ ok: true, mode: modeState('binary'), error: null }, 'binary')).toBeNull();
    expect(notificationForModeResult({ ok: false, mode: modeState('sdk'), error: { code: 'MODE_SWITCH_BUSY', message: 'A mode switch is already under way' } }, 'binary')?.body).toBe(
      'A mode switch is already under way',
    );
  });
});

describe('start problems', () => {
  it('classifies the core’s PORT_IN_USE and a raw EADDRINUSE as PORT_IN_USE, EACCES as PORT_FORBIDDEN', () => {
    const core = new GatewayError('PORT_IN_USE', 'Port 8765 on 127.0.0.1 is already in use; start with --port <N>');
    expect(classifyStartError(core, 8765)).toEqual({ code: 'PORT_IN_USE', message: 'port 8765 is already in use', port: 8765, suggestedPort: null });
    const raw = Object.assign(new Error('listen EADDRINUSE: address already in use 127.0.0.1:8765'), { code: 'EADDRINUSE' });
    expect(classifyStartError(raw, 8765).code).toBe('PORT_IN_USE');
    const wrapped = new Error('bind failed', { cause: Object.assign(new Error('x'), { code: 'EADDRINUSE' }) });
    expect(classifyStartError(wrapped, 8765).code).toBe('PORT_IN_USE');
    const forbidden = new GatewayError('PORT_FORBIDDEN', 'Not allowed to listen on 127.0.0.1:80', { cause: Object.assign(new Error('x'), { code: 'EACCES' }) });
    expect(classifyStartError(forbidden, 80)).toMatchObject({ code: 'PORT_FORBIDDEN', port: null });
  });

  it('keeps a config error’s file:line message, first lines only', () => {
    const error = new ConfigError(['x', 'y', 'z', 'w'].map((keyPath, i) => ({ file: 'a.yaml', line: i + 1, keyPath, problem: 'bad' })));
    expect(classifyStartError(error, null)).toMatchObject({ code: 'CONFIG_INVALID', message: 'a.yaml:1: x: bad\na.yaml:2: y: bad\na.yaml:3: z: bad\n(+1 more)' });
    expect(classifyStartError('weird', null)).toMatchObject({ code: 'INTERNAL', message: 'weird' });
  });

  it('port in use notifies with the one-click fix, or without when no free port was found', () => {
    expect(notificationForStartProblem({ code: 'PORT_IN_USE', message: '', port: 8765, suggestedPort: 8767 })).toMatchObject({
      title: 'Port 8765 is in use',
      action: { kind: 'use-port', port: 8767 },
    });
    const none = notificationForStartProblem({ code: 'PORT_IN_USE', message: '', port: 8765, suggestedPort: null });
    expect(none.action).toBeUndefined();
    expect(notificationForStartProblem({ code: 'CONFIG_INVALID', message: 'c.yaml:3: model_list: required', port: null, suggestedPort: null })).toMatchObject({
      title: 'Config file has errors',
      action: { kind: 'open-config' },
    });
  });
});

describe('notifier', () => {
  const spec: NotificationSpec = { id: 'a', title: 'T', body: 'B' };

  it('drops a repeat of the same notice within the window, then shows it again', () => {
    let now = 0;
    const shown: NotificationSpec[] = [];
    const notifier = createNotifier({ show: (s) => shown.push(s), now: () => now, secrets: () => [], repeatAfterMs: 1000 });
    expect(notifier.notify(spec)).toBe(true);
    now = 999;
    expect(notifier.notify(spec)).toBe(false);
    expect(notifier.notify({ ...spec, id: 'b' })).toBe(true);
    now = 1000;
    expect(notifier.notify(spec)).toBe(true);
    expect(notifier.notify(null)).toBe(false);
    expect(shown.map((s) => s.id)).toEqual(['a', 'b', 'a']);
  });

  it('scrubs secrets from title and body and bounds the body', () => {
    const shown: NotificationSpec[] = [];
    const secret = 'sk-live-super-secret-123456';
    const notifier = createNotifier({ show: (s) => shown.push(s), now: () => 0, secrets: () => [secret] });
    notifier.notify({ id: 'x', title: `key ${secret}`, body: `${secret} ${'y'.repeat(1000)}` });
    expect(shown[0]?.title).toBe('key [redacted]');
    expect(shown[0]?.body.startsWith('[redacted] y')).toBe(true);
    expect(shown[0]?.body.length).toBeLessThanOrEqual(300);
  });
});
