// Filters, live/pause, clear and export above the request table.
import type { Mode } from '../../../../shared/protocol/records';
import { ConfirmButton } from '../../components/confirm-button';
import { formatCount } from '../../lib/format';
import { emptyFilters, hasActiveFilters, STATUS_CLASSES, type FilterOptions, type LogFilters } from '../../state/log-filters';

export interface LogToolbarProps {
  filters: LogFilters;
  options: FilterOptions;
  onFilters: (filters: LogFilters) => void;
  shown: number;
  total: number;
  paused: boolean;
  arrived: number;
  onTogglePause: () => void;
  onClear: () => void;
  clearing: boolean;
  onExport: (format: 'jsonl' | 'har') => void;
}

const STATUS_LABEL: Record<string, string> = {
  pending: 'In flight',
  '2xx': '2xx',
  '3xx': '3xx',
  '4xx': '4xx',
  '5xx': '5xx',
  failed: 'Failed (no answer)',
};

export function LogToolbar(props: LogToolbarProps) {
  const { filters, options, onFilters } = props;
  const set = <K extends keyof LogFilters>(key: K, value: LogFilters[K]) => onFilters({ ...filters, [key]: value });
  return (
    <div className="toolbar" data-testid="log-toolbar">
      <div className="toolbar-group filters">
        <input
          type="search"
          className="input filter-text"
          placeholder="Search path, model, user agent…"
          value={filters.text}
          onChange={(e) => set('text', e.target.value)}
          data-testid="filter-text"
          aria-label="Search"
        />
        <select className="select" value={filters.identity} onChange={(e) => set('identity', e.target.value)} data-testid="filter-identity" aria-label="Identity">
          <option value="">All identities</option>
          {options.identities.map((v) => (
            <option key={v} value={v}>{v}</option>
          ))}
        </select>
        <select className="select" value={filters.model} onChange={(e) => set('model', e.target.value)} data-testid="filter-model" aria-label="Model">
          <option value="">All models</option>
          {options.models.map((v) => (
            <option key={v} value={v}>{v}</option>
          ))}
        </select>
        <select className="select" value={filters.backend} onChange={(e) => set('backend', e.target.value as Mode | '')} data-testid="filter-backend" aria-label="Backend">
          <option value="">All backends</option>
          <option value="sdk">SDK</option>
          <option value="binary">Binary</option>
        </select>
        <select className="select" value={filters.status} onChange={(e) => set('status', e.target.value as LogFilters['status'])} data-testid="filter-status" aria-label="Status">
          <option value="">All statuses</option>
          {STATUS_CLASSES.map((v) => (
            <option key={v} value={v}>{STATUS_LABEL[v]}</option>
          ))}
        </select>
        {filters.app && (
          <button type="button" className="filter-chip" onClick={() => set('app', '')} data-testid="filter-app" aria-label={`Client app ${filters.app}: remove this filter`}>
            App: {filters.app} <span aria-hidden="true">×</span>
          </button>
        )}
        {filters.provider && (
          <button type="button" className="filter-chip" onClick={() => set('provider', '')} data-testid="filter-provider" aria-label={`Provider ${filters.provider}: remove this filter`}>
            Provider: {filters.provider} <span aria-hidden="true">×</span>
          </button>
        )}
        {hasActiveFilters(filters) && (
          <button type="button" className="button button-small button-ghost" onClick={() => onFilters(emptyFilters)} data-testid="filter-reset">
            Reset
          </button>
        )}
      </div>
      <div className="toolbar-group actions">
        <span className="muted count" data-testid="log-count">
          {props.shown === props.total ? `${formatCount(props.total)} requests` : `${formatCount(props.shown)} of ${formatCount(props.total)}`}
        </span>
        <button
          type="button"
          className={`button button-small${props.paused ? ' button-accent' : ''}`}
          onClick={props.onTogglePause}
          data-testid="log-pause"
          aria-pressed={props.paused}
          title={props.paused ? 'Show new requests again' : 'Freeze the list; new requests are counted, not shown'}
        >
          {props.paused ? `Resume${props.arrived > 0 ? ` · ${formatCount(props.arrived)} new` : ''}` : 'Pause'}
        </button>
        <ConfirmButton
          label="Clear"
          question="Clear the log for everyone?"
          confirmLabel="Clear log"
          onConfirm={props.onClear}
          busy={props.clearing}
          disabled={props.total === 0}
          testId="log-clear"
        />
        <span className="button-group" role="group" aria-label="Export visible rows">
          <button type="button" className="button button-small" disabled={props.shown === 0} onClick={() => props.onExport('jsonl')} data-testid="export-jsonl" title="Export the visible rows as JSON Lines">
            JSONL
          </button>
          <button type="button" className="button button-small" disabled={props.shown === 0} onClick={() => props.onExport('har')} data-testid="export-har" title="Export the visible rows as HAR 1.2">
            HAR
          </button>
        </span>
      </div>
    </div>
  );
}
