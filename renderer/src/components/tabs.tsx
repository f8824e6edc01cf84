// Top-level navigation between the views.
export type ViewId = 'requests' | 'overview' | 'clients' | 'cookies' | 'mode' | 'cutover';

const TABS: { id: ViewId; label: string }[] = [
  { id: 'requests', label: 'Requests' },
  { id: 'overview', label: 'Overview' },
  { id: 'clients', label: 'Clients' },
  { id: 'cookies', label: 'Cookies' },
  { id: 'mode', label: 'Mode' },
  { id: 'cutover', label: 'Cutover' },
];

export const VIEW_IDS: readonly ViewId[] = TABS.map((tab) => tab.id);

export interface TabsProps {
  current: ViewId;
  onChange: (view: ViewId) => void;
  counts: Partial<Record<ViewId, number | null>>;
}

export function Tabs({ current, onChange, counts }: TabsProps) {
  return (
    <nav className="tabs" role="tablist" aria-label="Views">
      {TABS.map((tab) => {
        const count = counts[tab.id];
        return (
          <button
            key={tab.id}
            type="button"
            role="tab"
            aria-selected={current === tab.id}
            className={current === tab.id ? 'tab tab-active' : 'tab'}
            data-testid={`tab-${tab.id}`}
            onClick={() => onChange(tab.id)}
          >
            {tab.label}
            {count !== undefined && count !== null && count > 0 && <span className="tab-count">{count > 999 ? '999+' : count}</span>}
          </button>
        );
      })}
    </nav>
  );
}
