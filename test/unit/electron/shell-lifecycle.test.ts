// Single instance, window hide-to-tray, and the quit sequence, through the injected facade.
import { describe, expect, it } from 'vitest';
import { fakeGateway, settle } from './fixtures/fake-runner';
import { startHarness } from './fixtures/shell-harness';

describe('single instance', () => {
  it('a second launch that cannot get the lock quits at once and builds nothing', async () => {
    const h = await startHarness({ plan: [fakeGateway()], lockAvailable: false });
    expect(h.shell).toBeNull();
    expect(h.built).toBe(0);
    expect(h.facade.quitCalls).toBe(1);
    expect(h.facade.exited).toBe(true);
    expect(h.facade.trays).toHaveLength(0);
    expect(h.runner.starts).toBe(0);
    expect(h.facade.ipcSync.size).toBe(0);
  });

  it('the running instance shows and focuses its window when a second launch happens', async () => {
    const h = await startHarness({ plan: [fakeGateway()] });
    const [win] = h.facade.windows;
    expect(win?.loaded).toEqual(['http://127.0.0.1:8765/ui/']);
    expect(win?.pressClose()).toBe(false);
    expect(win?.visible).toBe(false);
    const focusedBefore = win?.focused ?? 0;

    h.facade.secondInstance();
    await settle();
    expect(win?.visible).toBe(true);
    expect(win?.focused).toBe(focusedBefore + 1);
    expect(h.facade.windows).toHaveLength(1);
  });
});

describe('window and tray at launch', () => {
  it('opens the dashboard window with the secure preferences, and the tray shows the running mode', async () => {
    const h = await startHarness({ plan: [fakeGateway(9001)] });
    expect(h.facade.windows).toHaveLength(1);
    expect(h.facade.windows[0]?.spec.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(h.facade.windows[0]?.spec.webPreferences.preload).toBe('/app/dist/electron/preload.cjs');
    expect(h.facade.policies.at(-1)?.dashboardOrigin).toBe('http://127.0.0.1:9001');
    const [tray] = h.facade.trays;
    expect(tray?.icon).toBe('sdk');
    expect(tray?.toolTip).toBe('Switchboard · SDK mode · port 9001 · 0 requests today');
    expect(h.logLines.some((line) => line.includes('"tray created"'))).toBe(true);
    expect(h.logLines.some((line) => line.includes('"dashboard loaded"'))).toBe(true);
  });

  it('started at login (--hidden): tray only, no window', async () => {
    const h = await startHarness({ plan: [fakeGateway()], argv: ['switchboard', '--hidden'] });
    expect(h.facade.trays).toHaveLength(1);
    expect(h.facade.windows).toHaveLength(0);
  });

  it('closing the window hides it to the tray; the app keeps running', async () => {
    const h = await startHarness({ plan: [fakeGateway()] });
    expect(h.facade.windows[0]?.pressClose()).toBe(false);
    expect(h.facade.windows[0]?.closed).toBe(false);
    expect(h.facade.exited).toBe(false);
    expect(h.runner.stops).toBe(0);
  });

  it('remembers the window bounds across runs', async () => {
    const h = await startHarness({ plan: [fakeGateway()], settings: { windowBounds: { x: 100, y: 120, width: 1000, height: 700 } } });
    expect(h.facade.windows[0]?.spec).toMatchObject({ x: 100, y: 120, width: 1000, height: 700 });
    h.facade.windows[0]?.hooks.onBoundsChanged({ x: 50, y: 60, width: 900, height: 650 });
    h.facade.windows[0]?.pressClose();
    expect(h.settings.data.windowBounds).toEqual({ x: 50, y: 60, width: 900, height: 650 });
  });
});

describe('quit sequence', () => {
  it('Quit stops the gateway first, then really quits: window closed, tray removed', async () => {
    const h = await startHarness({ plan: [fakeGateway()] });
    const gateway = h.runner.current();
    let release: () => void = () => undefined;
    h.runner.stopGate = new Promise<void>((resolve) => {
      release = resolve;
    });

    h.facade.trays[0]?.click('quit');
    expect(h.facade.exited).toBe(false);
    expect(h.shell?.quit.state()).toBe('stopping');
    expect(h.runner.stops).toBe(1);
    expect(h.facade.trays[0]?.icon).toBe('switching');
    expect(h.facade.trays[0]?.menu[0]?.label).toBe('Stopping…');

    // A second quit while stopping (Cmd+Q twice) neither stops again nor exits early.
    h.facade.quit();
    expect(h.runner.stops).toBe(1);
    expect(h.facade.exited).toBe(false);

    release();
    await h.shell?.quit.finished();
    expect((gateway as { stopped?: boolean } | null)?.stopped).toBe(true);
    expect(h.facade.exited).toBe(true);
    expect(h.facade.windows[0]?.closed).toBe(true);
    expect(h.facade.trays[0]?.destroyed).toBe(true);
    expect(h.timers[0]?.cancelled).toBe(true);
  });

  it('a gateway that hangs on stop does not keep the app alive past the deadline', async () => {
    const h = await startHarness({ plan: [fakeGateway()] });
    h.runner.stopGate = new Promise<void>(() => undefined);
    h.facade.quit();
    expect(h.facade.exited).toBe(false);
    const [deadline] = h.timers;
    expect(deadline?.ms).toBe(1000 + 5000);
    deadline?.fn();
    expect(h.facade.exited).toBe(true);
    expect(h.facade.trays[0]?.destroyed).toBe(true);
    expect(h.runner.killCalls).toBe(1);
    expect(h.logLines.some((line) => line.includes('did not stop in time'))).toBe(true);
  });

  it('once quitting began, nothing starts a gateway again (a restart queued behind a key change, a late click)', async () => {
    const h = await startHarness({ plan: [fakeGateway(), fakeGateway()] });
    let release: () => void = () => undefined;
    h.runner.stopGate = new Promise<void>((resolve) => (release = resolve));
    h.facade.quit();
    await h.shell?.startGateway();
    expect(h.runner.starts).toBe(1);
    release();
    await h.shell?.quit.finished();
    expect(h.runner.current()).toBeNull();
    expect(h.facade.exited).toBe(true);
  });

  it('quit through the dashboard bridge takes the same path', async () => {
    const h = await startHarness({ plan: [fakeGateway()] });
    const quit = h.facade.ipc.get('switchboard:quit');
    await quit?.({ senderUrl: 'http://127.0.0.1:8765/ui/' });
    await h.shell?.quit.finished();
    expect(h.runner.stops).toBe(1);
    expect(h.facade.exited).toBe(true);
  });
});
