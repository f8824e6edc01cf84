// The request log's column grid per layout, built from each column's own widths (log-columns.tsx), so no
// stylesheet keeps a positional width list that must stay in step with the columns.

/**
 * A column's grid track per layout (CSS grid-template-columns syntax), or null where the column is hidden:
 * `wide` a full window, `medium` up to 1100 px, `narrow` up to 720 px (hidden at medium means hidden here
 * too), `detail` a wide window with the detail panel open.
 */
export interface ColumnTracks {
  wide: string;
  medium: string | null;
  narrow: string | null;
  detail: string | null;
}

export type LogLayout = keyof ColumnTracks;

export interface GridColumn {
  id: string;
  tracks: ColumnTracks;
  /** right-aligned numbers */
  numeric?: boolean;
}

const shownIn = (column: GridColumn, layout: LogLayout): boolean =>
  column.tracks[layout] !== null && (layout !== 'narrow' || column.tracks.medium !== null);

/** grid-template-columns for each layout (the table sets them as --log-cols-<layout>; requests.css picks one per width). */
export function logGridTracks(columns: readonly GridColumn[]): Record<LogLayout, string> {
  const grid = (layout: LogLayout) => columns.filter((c) => shownIn(c, layout)).map((c) => c.tracks[layout]).join(' ');
  return { wide: grid('wide'), medium: grid('medium'), narrow: grid('narrow'), detail: grid('detail') };
}

/** A cell's classes, with hide-<layout> for each layout its column sits out (requests.css has one rule per layout). */
export function logCellClass(column: GridColumn): string {
  const hide = (['medium', 'narrow', 'detail'] as const).filter((layout) => !shownIn(column, layout)).map((layout) => `hide-${layout}`);
  return ['log-cell', `log-cell-${column.id}`, ...(column.numeric ? ['num'] : []), ...hide].join(' ');
}
