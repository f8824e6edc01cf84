// The tray's last validation result (passed / failed / never run) and its item that opens the Cutover
// view, through the tray's seams: the pure state and view, the controller with a fake admin and tray
// handle, and the shell with the fake facade (the window is loaded at `#view=cutover`).
import { describe, expect, it } from 'vitest';
import type { GatewayEventBody } from '../../../shared/protocol/events';
import { VALIDATION_SCHEMA, type CutoverState, type ValidationReport } from '../../../shared/protocol/validation';
import type { MenuItemSpec, TrayHandle } from '../../../main/electron/facade-types';
import { buildTrayMenu } from '../../../main/electron/tray/tray-menu';
import { createTrayController } from '../../../main/electron/tray/tray-controller';
import { applyGatewayEvent, initialTrayModel, trayRunning, trayWithCutover, type TrayModel } from '../../../main/electron/tray/tray-state';
import { deriveTrayView } from '../../../main/electron/tray/tray-view';
import { dashboardUrl } from '../../../main/electron/window/main-window';
import { event, fakeAdmin, snapshot } from './fixtures/gateway-data';
import { fakeGateway, settle } from './fixtures/fake-runner';
import { startHarness } from './fixtures/shell-harness';

function report(overrides: Partial<ValidationReport> = {}): ValidationReport {
  return {
    schema: VALIDATION_SCHEMA,
    id: 'run-1',
    phase: 'all',
    live: false,
    startedAt: 1_700_000_000_000,
    finishedAt: 1_700_000_010_000,
    ok: true,
    items: [],
    performance: null,
    modeBefore: 'sdk',
    modeAfter: 'sdk',
    interrupted: false,
    ...overrides,
  };
}

function cutover(history: ValidationReport[], running = false): CutoverState {
  return {
    history,
    running: running ? { runId: 'run-9', step: 'starting the legacy binary', done: 1, total: 20, item: null } : null,
    decision: null,
    canMakeDefault: history[0]?.ok ?? false,
    lastRollbackTest: null,
  };
}

const running = (): TrayModel => trayRunning(initialTrayModel('sdk', false), snapshot({ seq: 5 }));
const item = (menu: MenuItemSpec[], id: string) => menu.find((entry) => entry.id === id);
const menuOf = (model: TrayModel) => buildTrayMenu(deriveTrayView(model), { configFileExists: true });
let seq = 5;
const apply = (model: TrayModel, body: GatewayEventBody) => applyGatewayEvent(model, event(++seq, body));

describe('tray: last validation result', () => {
  it('says "never run" before any run, with an item that opens the Cutover view', () => {
    const menu = menuOf(running());
    expect(item(menu, 'validation')).toMatchObject({ label: 'Last validation: never run', enabled: false });
    expect(item(menu, 'open-cutover')).toMatchObject({ label: 'Open Cutover…', enabled: true, action: { kind: 'open-cutover' } });
    expect(deriveTrayView(running()).validationState).toBe('never');
  });

  it('follows a run: running while progress arrives, then passed or failed from the finished report', () => {
    let model = apply(running(), { type: 'validation.progress', progress: { runId: 'run-1', step: 'probing', done: 3, total: 20, item: null } });
    expect(deriveTrayView(model)).toMatchObject({ validation: 'Validation running…', validationState: 'running' });
    model = apply(model, { type: 'validation.finished', report: report({ ok: true, phase: 'all' }) });
    expect(deriveTrayView(model)).toMatchObject({ validation: 'Last validation: passed (all checks)', validationState: 'passed' });
    model = apply(model, { type: 'validation.finished', report: report({ id: 'run-2', ok: false, phase: 'post', finishedAt: 1_700_000_020_000 }) });
    expect(item(menuOf(model), 'validation')?.label).toBe('Last validation: failed (post-checks)');
  });

  it('counts an interrupted run as failed', () => {
    const model = apply(running(), { type: 'validation.finished', report: report({ ok: true, interrupted: true }) });
    expect(deriveTrayView(model).validationState).toBe('failed');
  });

  it('takes the newest run of cutover.updated, and the cutover read never overwrites a newer result', () => {
    const model = apply(running(), { type: 'cutover.updated', cutover: cutover([report({ ok: false, phase: 'pre' })]) });
    expect(deriveTrayView(model).validation).toBe('Last validation: failed (pre-checks)');
    const newer = apply(model, { type: 'validation.finished', report: report({ id: 'run-3', ok: true, finishedAt: 1_700_000_090_000 }) });
    const stale = trayWithCutover(newer, cutover([report({ ok: false, finishedAt: 1_700_000_010_000 })]));
    expect(deriveTrayView(stale).validationState).toBe('passed');
  });

  it('the controller reads the history when it attaches and re-renders the menu', async () => {
    const menus: MenuItemSpec[][] = [];
    const handle: TrayHandle = { setIcon: () => undefined, setToolTip: () => undefined, setMenu: (m) => void menus.push(m), destroy: () => undefined };
    const controller = createTrayController({ tray: handle, initial: initialTrayModel('sdk', false), menuContext: () => ({ configFileExists: true }) });
    const admin = fakeAdmin();
    controller.attach(admin, async () => cutover([report({ ok: true, phase: 'post' })]));
    expect(item(menus.at(-1)!, 'validation')?.label).toBe('Last validation: never run');
    await settle();
    expect(item(menus.at(-1)!, 'validation')?.label).toBe('Last validation: passed (post-checks)');
    admin.emit({ type: 'validation.finished', report: report({ id: 'run-4', ok: false, phase: 'all', finishedAt: 1_700_000_100_000 }) });
    expect(item(menus.at(-1)!, 'validation')?.label).toBe('Last validation: failed (all checks)');
  });
});

describe('tray: last validation in the app', () => {
  it('shows the newest run of the history the gateway keeps, as soon as the gateway runs', async () => {
    const gateway = fakeGateway(9003);
    Object.assign(gateway, { migration: { ...gateway.migration, cutover: async () => cutover([report({ ok: false, phase: 'all' })]) } });
    const h = await startHarness({ plan: [gateway] });
    await settle();
    expect(h.facade.trays[0]?.menu.find((entry) => entry.id === 'validation')?.label).toBe('Last validation: failed (all checks)');
  });
});

describe('tray: Open Cutover…', () => {
  it('loads the dashboard at #view=cutover, again on a second click (the page drops the fragment)', async () => {
    const h = await startHarness({ plan: [fakeGateway(9002)] });
    const tray = h.facade.trays[0];
    tray?.click('open-cutover');
    await settle();
    tray?.click('open-cutover');
    await settle();
    const loaded = h.facade.windows[0]?.loaded ?? [];
    expect(loaded.filter((url) => url === dashboardUrl('http://127.0.0.1:9002', 'cutover'))).toHaveLength(2);
    expect(dashboardUrl('http://127.0.0.1:9002', 'cutover')).toBe('http://127.0.0.1:9002/ui/#view=cutover');
  });
});
