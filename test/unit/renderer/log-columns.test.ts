// One definition per log column: its label, cells and width per layout live in log-columns.tsx; the grid
// per layout is built from those widths (lib/log-grid.ts) and the stylesheet holds no width list of its own.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { logCellClass, logGridTracks, type GridColumn } from '../../../renderer/src/lib/log-grid';

const css = readFileSync(join(import.meta.dirname, '..', '..', '..', 'renderer', 'src', 'styles', 'requests.css'), 'utf8');

const columns: GridColumn[] = [
  { id: 'time', tracks: { wide: '80px', medium: '72px', narrow: '60px', detail: '76px' } },
  { id: 'app', tracks: { wide: 'minmax(96px, 0.9fr)', medium: null, narrow: '50px', detail: null } },
  { id: 'model', tracks: { wide: 'minmax(110px, 1.1fr)', medium: 'minmax(90px, 1fr)', narrow: null, detail: 'minmax(90px, 1fr)' } },
  { id: 'tokens', numeric: true, tracks: { wide: '88px', medium: null, narrow: null, detail: null } },
];

describe('log columns', () => {
  it('each layout’s grid lists the tracks of the columns shown in it, in column order', () => {
    expect(logGridTracks(columns)).toEqual({
      wide: '80px minmax(96px, 0.9fr) minmax(110px, 1.1fr) 88px',
      medium: '72px minmax(90px, 1fr)',
      // a column that sits out medium sits out narrow too, whatever its narrow width says
      narrow: '60px',
      detail: '76px minmax(90px, 1fr)',
    });
  });

  it('a cell is hidden in exactly the layouts its column sits out', () => {
    expect(columns.map(logCellClass)).toEqual([
      'log-cell log-cell-time',
      'log-cell log-cell-app hide-medium hide-narrow hide-detail',
      'log-cell log-cell-model hide-narrow',
      'log-cell log-cell-tokens num hide-medium hide-narrow hide-detail',
    ]);
  });

  it('the stylesheet takes every grid from the columns and hides cells only by layout class', () => {
    const lists = [...css.matchAll(/--log-cols\s*:\s*([^;]+);/g)].map((m) => m[1]!.trim());
    expect(lists.length).toBeGreaterThan(0);
    expect(lists.filter((value) => !/^var\(--log-cols-(wide|medium|narrow|detail)\)$/.test(value))).toEqual([]);
    expect(css).not.toMatch(/\.log-cell-[a-z]+\s*[,{][^}]*display:\s*none/);
  });
});
