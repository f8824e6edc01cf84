// Top-level navigation between the views: a tablist with a roving tabindex, so Tab enters it once and the
// arrow keys (Home/End too) move between views, as in every other tab strip.
import { useRef, type KeyboardEvent } from 'react';

export type ViewId = 'map' | 'requests' | 'overview' | 'clients' | 'cookies' | 'mode' | 'cutover';

const TABS: { id: ViewId; label: string }[] = [
  { id: 'map', label: 'Map' },
  { id: 'requests', label: 'Requests' },
  { id: 'overview', label: 'Overview' },
  { id: 'clients', label: 'Clients' },
  { id: 'cookies', label: 'Cookies' },
  { id: 'mode', label: 'Mode' },
  { id: 'cutover', label: 'Cutover' },
];

export const VIEW_IDS: readonly ViewId[] = TABS.map((tab) => tab.id);
export const tabId = (view: ViewId) => `tab-${view}`;
export const PANEL_ID = 'view-panel';

export interface TabsProps {
  current: ViewId;
  onChange: (view: ViewId) => void;
  counts: Partial<Record<ViewId, number | null>>;
}

export function Tabs({ current, onChange, counts }: TabsProps) {
  const refs = useRef(new Map<ViewId, HTMLButtonElement>());
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const at = VIEW_IDS.indexOf(current);
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: VIEW_IDS.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const view = VIEW_IDS[(next + VIEW_IDS.length) % VIEW_IDS.length]!;
    onChange(view);
    refs.current.get(view)?.focus();
  };
  return (
    <nav className="tabs" aria-label="Views">
      <div className="tab-list" role="tablist" aria-label="Views" onKeyDown={onKeyDown}>
        {TABS.map((tab) => {
          const count = counts[tab.id];
          const selected = current === tab.id;
          return (
            <button
              key={tab.id}
              ref={(el) => {
                if (el) refs.current.set(tab.id, el);
                else refs.current.delete(tab.id);
              }}
              id={tabId(tab.id)}
              type="button"
              role="tab"
              aria-selected={selected}
              aria-controls={PANEL_ID}
              tabIndex={selected ? 0 : -1}
              className={selected ? 'tab tab-active' : 'tab'}
              data-testid={`tab-${tab.id}`}
              onClick={() => onChange(tab.id)}
            >
              {tab.label}
              {count !== undefined && count !== null && count > 0 && <span className="tab-count">{count > 999 ? '999+' : count}</span>}
            </button>
          );
        })}
      </div>
    </nav>
  );
}
