// Loads GET /admin/requests/:id for the open row, and again when the row moves to a new phase (a stream
// that finishes gains its transcript and timing). Older answers never overwrite newer ones.
import { useEffect, useState } from 'react';
import type { RequestDetail, RequestRecord } from '../../../../shared/protocol/records';
import { useServices } from '../../app-context';
import { actionErrorText } from '../../hooks/use-action';

export interface DetailLoad {
  detail: RequestDetail | null;
  loading: boolean;
  error: string | null;
}

export function useRequestDetail(record: RequestRecord): DetailLoad {
  const { client } = useServices();
  const [load, setLoad] = useState<DetailLoad>({ detail: null, loading: true, error: null });
  const version = `${record.id}|${record.phase}|${record.status ?? ''}|${record.retries}`;

  useEffect(() => {
    const controller = new AbortController();
    setLoad((prev) => ({ detail: prev.detail?.record.id === record.id ? prev.detail : null, loading: true, error: null }));
    client.requestDetail(record.id, controller.signal).then(
      (detail) => setLoad({ detail, loading: false, error: null }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setLoad({ detail: null, loading: false, error: actionErrorText(error) });
      },
    );
    return () => controller.abort();
  }, [client, version]);

  return load;
}
