// A clock that re-renders its user every `intervalMs`, for "5 s ago" labels and the charts' window.
import { useEffect, useState } from 'react';

export function useNow(intervalMs = 5_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const handle = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(handle);
  }, [intervalMs]);
  return now;
}
