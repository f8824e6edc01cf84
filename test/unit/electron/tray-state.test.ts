import { describe, expect, it } from 'vitest';
import {
  applyGatewayEvent,
  initialTrayModel,
  trayFailed,
  trayRunning,
  trayStopped,
  trayStopping,
  type TrayModel,
} from '../../../main/electron/tray/tray-state';
import { deriveTrayView, TOOLTIP_MAX } from '../../../main/electron/tray/tray-view';
import { backend, event, metricsEvent, modeState, serverInfo, snapshot } from './fixtures/gateway-data';

const running = (overrides: Parameters<typeof snapshot>[0] = {}): TrayModel =>
  trayRunning(initialTrayModel('sdk', false), snapshot(overrides));

describe('tray state machine: icon per state', () => {
  const cases: Array<[string, TrayModel, string]> = [
    ['starting', initialTrayModel('sdk', false), 'switching'],
    ['sdk running', running({ mode: modeState('sdk') }), 'sdk'],
    ['binary running', running({ mode: modeState('binary') }), 'binary'],
    ['switching sdk -> binary', running({ mode: modeState('sdk', { switching: 'binary' }) }), 'switching'],
    ['active backend starting', running({ mode: { ...modeState('binary'), backends: { sdk: backend('sdk', 'stopped'), binary: backend('binary', 'starting') } } }), 'switching'],
    ['active backend crashed', running({ mode: { ...modeState('binary'), backends: { sdk: backend('sdk', 'stopped'), binary: backend('binary', 'crashed', 'exit 1') } } }), 'error'],
    ['active backend failed', running({ mode: { ...modeState('binary'), backends: { sdk: backend('sdk', 'stopped'), binary: backend('binary', 'failed') } } }), 'error'],
    ['paused', running({ server: serverInfo({ paused: true }) }), 'stopped'],
    ['start failed', trayFailed(initialTrayModel('sdk', false), { message: 'port 8765 is already in use', suggestedPort: 8766 }), 'error'],
    ['stopping', trayStopping(running()), 'switching'],
    ['stopped', trayStopped(running()), 'stopped'],
  ];
  it.each(cases)('%s', (_name, model, icon) => {
    expect(deriveTrayView(model).icon).toBe(icon);
  });
});

describe('tray tooltip', () => {
  it('names mode, port and today’s request count', () => {
    const view = deriveTrayView(running({ mode: modeState('binary'), server: serverInfo({ port: 9123 }), today: 42 }));
    expect(view.toolTip).toBe('Switchboard · Binary mode · port 9123 · 42 requests today');
  });

  it('uses the singular for one request and says when paused or switching', () => {
    expect(deriveTrayView(running({ today: 1 })).toolTip).toContain('1 request today');
    expect(deriveTrayView(running({ server: serverInfo({ paused: true }) })).toolTip).toContain('SDK mode, paused');
    expect(deriveTrayView(running({ mode: modeState('sdk', { switching: 'binary' }) })).toolTip).toContain('switching to Binary');
  });

  it('shows the failure when the gateway did not start, within the Windows length limit', () => {
    const model = trayFailed(initialTrayModel('sdk', false), { message: `config.yaml:3: model_list: ${'x'.repeat(300)}\nsecond problem`, suggestedPort: null });
    const view = deriveTrayView(model);
    expect(view.toolTip.startsWith('Switchboard · Error: config.yaml:3: model_list:')).toBe(true);
    expect(view.toolTip.length).toBeLessThanOrEqual(TOOLTIP_MAX);
    expect(view.status).not.toContain('\n');
  });

  it('keeps the last known mode while no gateway runs', () => {
    const view = deriveTrayView(trayStopped(initialTrayModel('binary', false)));
    expect(view.mode).toBe('binary');
    expect(view.running).toBe(false);
    expect(view.toolTip).toBe('Switchboard · Stopped');
  });
});

describe('tray model follows gateway events', () => {
  it('applies mode, backend, server and metrics events', () => {
    let model = running({ seq: 5 });
    model = applyGatewayEvent(model, event(6, { type: 'mode.changed', mode: modeState('binary', { previous: 'sdk' }) }));
    expect(deriveTrayView(model)).toMatchObject({ icon: 'binary', mode: 'binary', previous: 'sdk' });
    expect(model.lastKnownMode).toBe('binary');

    model = applyGatewayEvent(model, event(7, { type: 'backend.state', backend: backend('binary', 'crashed', 'LiteLLM exited with code 1') }));
    expect(deriveTrayView(model)).toMatchObject({ icon: 'error', status: 'Binary backend crashed: LiteLLM exited with code 1' });

    model = applyGatewayEvent(model, event(8, { type: 'server.updated', server: serverInfo({ paused: true }) }));
    expect(deriveTrayView(model).paused).toBe(true);

    model = applyGatewayEvent(model, metricsEvent(9, 17));
    expect(model.today).toBe(17);
  });

  it('drops events the snapshot already covers (seq <= snapshot.seq)', () => {
    const model = running({ seq: 20, today: 3 });
    expect(applyGatewayEvent(model, metricsEvent(20, 99))).toBe(model);
    expect(applyGatewayEvent(model, metricsEvent(19, 99)).today).toBe(3);
    expect(applyGatewayEvent(model, metricsEvent(21, 99)).today).toBe(99);
  });
});
