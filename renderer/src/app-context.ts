// What every view needs besides the state: the admin client, the reducer's dispatch and the bridge.
import { createContext, useContext } from 'react';
import type { SwitchboardBridge } from '../../shared/protocol/ipc';
import type { AdminClient } from './api/admin-client';
import type { DashboardAction } from './state/dashboard-reducer';

export interface AppServices {
  client: AdminClient;
  dispatch: (action: DashboardAction) => void;
  bridge: SwitchboardBridge | null;
  /** says a result to screen readers (switches, rules added): one polite live region for the whole app */
  announce: (text: string) => void;
}

export const AppContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const services = useContext(AppContext);
  if (!services) throw new Error('useServices outside <AppContext.Provider>');
  return services;
}
