// A derived value recomputed at most once per interval while its inputs keep changing (and once more
// when they settle). For summaries of the whole log (filter menus, column widths) that need not follow
// every frame at 100 requests a second: a pass over 5,000 rows per frame adds up to long tasks.
import { useEffect, useRef, useState } from 'react';

export function useThrottled<T>(compute: () => T, deps: readonly unknown[], intervalMs: number): T {
  const [value, setValue] = useState(compute);
  const last = useRef(0);
  const computeRef = useRef(compute);
  computeRef.current = compute;
  useEffect(() => {
    const wait = last.current + intervalMs - Date.now();
    const run = () => {
      last.current = Date.now();
      setValue(computeRef.current());
    };
    if (wait <= 0) {
      run();
      return;
    }
    const timer = window.setTimeout(run, wait);
    return () => window.clearTimeout(timer);
  }, deps);
  return value;
}
