// Compare on a logged request: asks first (the replay goes to the real provider and costs tokens), then
// replays it through the other backend and opens the side-by-side view. While LiteLLM is being started
// for the replay, its state (from the event stream) says so.
import { useCallback, useState } from 'react';
import type { ModeState, RequestDetail, RequestRecord } from '../../../../shared/protocol/records';
import type { ReplayResult } from '../../../../shared/protocol/validation';
import { useServices } from '../../app-context';
import { ConfirmButton } from '../../components/confirm-button';
import { useAction } from '../../hooks/use-action';
import { modeName } from '../../lib/labels';
import { CompareDialog } from './compare-dialog';

/** Why this request cannot be replayed, or null when it can. */
export function replayBlocker(record: RequestRecord, detail: RequestDetail | null): string | null {
  if (record.phase === 'pending' || record.phase === 'streaming') return 'Still running: compare it once it has finished.';
  if (!detail) return 'Loading the captured request…';
  if (record.endpoint === 'models') return null;
  if (!detail.requestBody) return 'Its body was not captured (bodies are kept for the most recent requests only).';
  if (detail.requestBody.truncated) return 'Its body was cut at the capture limit, so a replay would send a different request.';
  return null;
}

export function CompareButton({ record, detail, mode }: { record: RequestRecord; detail: RequestDetail | null; mode: ModeState }) {
  const { client } = useServices();
  const [result, setResult] = useState<ReplayResult | null>(null);
  const replay = useAction(useCallback(async () => setResult(await client.replay(record.id)), [client, record.id]));
  const target = record.backend === 'sdk' ? 'binary' : 'sdk';
  const blocker = replayBlocker(record, detail);
  const binary = mode.backends.binary;
  const progress =
    target === 'binary' && binary.status === 'starting'
      ? `Starting LiteLLM for the replay${binary.pid ? ` (pid ${binary.pid})` : ''}…`
      : `Replaying through ${modeName(target)}, waiting for the provider…`;

  return (
    <section className="detail-section compare" data-testid="compare" aria-label="Compare with the other backend">
      <h3 className="section-title">Compare with {modeName(target)}</h3>
      <p className="muted small">
        Sends this request again through the other backend and shows both answers side by side.
      </p>
      <ConfirmButton
        label={`Compare with ${target === 'sdk' ? 'SDK' : 'Binary'}`}
        question={`This sends the request to the real provider again through ${modeName(target)}: it costs tokens.`}
        confirmLabel="Replay (costs tokens)"
        onConfirm={() => void replay.run()}
        busy={replay.busy}
        disabled={blocker !== null}
        testId="compare-button"
      />
      {blocker && detail && <p className="muted small" data-testid="compare-blocked">{blocker}</p>}
      {replay.busy && (
        <p className="muted small" role="status" data-testid="compare-progress">
          {progress}
        </p>
      )}
      {replay.error && <p className="inline-error" role="alert" data-testid="compare-error">{replay.error}</p>}
      {result && <CompareDialog record={record} result={result} onClose={() => setResult(null)} />}
    </section>
  );
}
