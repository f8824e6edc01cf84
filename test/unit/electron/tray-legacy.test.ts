// The tray says what the legacy backend is: its LiteLLM version, the proxy it is attached to, or, in one
// line, why a too-old LiteLLM was refused.
import { describe, expect, it } from 'vitest';
import { buildTrayMenu } from '../../../main/electron/tray/tray-menu';
import { initialTrayModel, trayRunning } from '../../../main/electron/tray/tray-state';
import { deriveTrayView } from '../../../main/electron/tray/tray-view';
import type { BackendState } from '../../../shared/protocol/records';
import { backend, modeState, snapshot } from './fixtures/gateway-data';

function menuWith(binary: Partial<BackendState>) {
  const mode = modeState('sdk');
  mode.backends.binary = { ...backend('binary', 'stopped'), ...binary };
  const model = trayRunning(initialTrayModel('sdk', false), snapshot({ seq: 1, mode }));
  return buildTrayMenu(deriveTrayView(model), { configFileExists: true });
}

const legacyItem = (binary: Partial<BackendState>) => menuWith(binary).find((item) => item.id === 'legacy');

describe('tray: the legacy backend line', () => {
  it('shows the version refusal the Mode view shows', () => {
    const reason = "LiteLLM 1.77.5 is too old for the legacy backend (needs 1.80.0 or later): before 1.80 its /v1/messages route drops the identity headers";
    expect(legacyItem({ status: 'failed', reason, version: '1.77.5' })).toMatchObject({ enabled: false, label: expect.stringMatching(/^LiteLLM: LiteLLM 1\.77\.5 is too old/) });
  });

  it('says where binary mode is attached, and the version found there', () => {
    expect(legacyItem({ status: 'ready', attachedTo: 'litellm.team.internal:4000', version: '1.80.17' })?.label).toBe('LiteLLM attached to litellm.team.internal:4000 (1.80.17)');
  });

  it('names the version of a spawned LiteLLM, and is absent while nothing is known', () => {
    expect(legacyItem({ status: 'ready', version: '1.80.17' })?.label).toBe('LiteLLM 1.80.17');
    expect(legacyItem({})).toBeUndefined();
  });
});
