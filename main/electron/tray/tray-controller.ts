// Keeps the tray in step with the gateway: holds the TrayModel, follows the admin model's events and
// pushes icon, tooltip and menu to the facade only when they change (metrics events arrive often and
// rebuilding a native menu on each one makes it flicker or close on some desktops).
import type { CutoverState } from '../../../shared/protocol/validation';
import type { AdminModel } from '../../core/admin/admin-model-types';
import type { MenuItemSpec, TrayHandle, TrayIconState } from '../facade-types';
import { buildTrayMenu, type TrayMenuContext } from './tray-menu';
import { applyGatewayEvent, trayRunning, trayWithCutover, type TrayModel } from './tray-state';
import { deriveTrayView, type TrayView } from './tray-view';

export interface TrayController {
  model(): TrayModel;
  view(): TrayView;
  /** applies a lifecycle change (starting, failed, …) and re-renders */
  update(change: (model: TrayModel) => TrayModel): void;
  /**
   * Takes the admin snapshot and follows its events until detach(). `cutover` reads the validation
   * history (kept on disk), for the last result before any validation event arrives.
   */
  attach(admin: AdminModel, cutover?: () => Promise<CutoverState>): void;
  detach(): void;
  /** re-renders, e.g. after the config file appeared */
  refresh(): void;
  destroy(): void;
}

export interface TrayControllerOptions {
  tray: TrayHandle;
  initial: TrayModel;
  menuContext: () => TrayMenuContext;
}

export function createTrayController(options: TrayControllerOptions): TrayController {
  const { tray } = options;
  let model = options.initial;
  let unsubscribe: (() => void) | null = null;
  let destroyed = false;
  let shownIcon: TrayIconState | null = null;
  let shownToolTip: string | null = null;
  let shownMenu: string | null = null;

  const render = (): void => {
    if (destroyed) return;
    const view = deriveTrayView(model);
    if (view.icon !== shownIcon) {
      tray.setIcon(view.icon);
      shownIcon = view.icon;
    }
    if (view.toolTip !== shownToolTip) {
      tray.setToolTip(view.toolTip);
      shownToolTip = view.toolTip;
    }
    const menu: MenuItemSpec[] = buildTrayMenu(view, options.menuContext());
    const signature = JSON.stringify(menu);
    if (signature !== shownMenu) {
      tray.setMenu(menu);
      shownMenu = signature;
    }
  };

  const update = (change: (current: TrayModel) => TrayModel): void => {
    const next = change(model);
    if (next === model) return;
    model = next;
    render();
  };

  const detach = (): void => {
    unsubscribe?.();
    unsubscribe = null;
  };

  render();
  return {
    model: () => model,
    view: () => deriveTrayView(model),
    update,
    attach(admin, cutover) {
      detach();
      // Subscribe first: events are delivered synchronously, so none can slip between the subscription
      // and the snapshot, and any older than the snapshot is dropped by seq.
      const off = admin.onEvent((event) => update((current) => applyGatewayEvent(current, event)));
      unsubscribe = off;
      update((current) => trayRunning(current, admin.snapshot()));
      cutover?.().then(
        // ignored when the tray moved on to another gateway meanwhile
        (state) => {
          if (unsubscribe === off) update((current) => trayWithCutover(current, state));
        },
        () => undefined,
      );
    },
    detach,
    refresh() {
      shownMenu = null;
      render();
    },
    destroy() {
      detach();
      destroyed = true;
      tray.destroy();
    },
  };
}
