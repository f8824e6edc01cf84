import { describe, expect, it } from 'vitest';
import { KNOWN_PROVIDER_KEYS } from '../../../shared/protocol/ipc';
import {
  asSentence,
  BRIDGE_RETRY,
  bridgeErrorText,
  bridgeRetryDelay,
  callBridge,
  isGatewayRestarting,
  type RetryPolicy,
} from '../../../renderer/src/lib/bridge-calls';
import {
  KEY_VALUE_MAX_CHARS,
  keyNameChoices,
  keyNameProblem,
  keyValueProblem,
  suggestedKeyName,
} from '../../../renderer/src/lib/provider-key-input';

// What Electron's ipcRenderer.invoke makes of the main side's IpcRejected (error.toString() wrapped).
const RESTARTING =
  "Error invoking remote method 'switchboard:set-provider-key': IpcRejected: the gateway is not running (it may be restarting); try again once it is back";
const REFUSED = "Error invoking remote method 'switchboard:set-provider-key': IpcRejected: the value for OPENAI_API_KEY is empty";

describe('keyNameProblem', () => {
  it('accepts the well-known names and credential-like custom ones', () => {
    for (const name of [...KNOWN_PROVIDER_KEYS, 'MISTRAL_API_KEY', 'AZURE_OPENAI_KEY', 'HF_TOKEN', 'X_KEY']) {
      expect(keyNameProblem(name), name).toBeNull();
    }
  });

  it('refuses what the app would refuse: lower case, no credential suffix, env injection, too long', () => {
    const bad = ['', 'anthropic_api_key', 'PATH', 'NODE_OPTIONS', '_API_KEY', '1PASSWORD_KEY', 'MY-API_KEY', 'A B_KEY', `${'A'.repeat(63)}_KEY`];
    for (const name of bad) expect(keyNameProblem(name), name).not.toBeNull();
    expect(keyNameProblem(`${'A'.repeat(56)}_API_KEY`)).toBeNull(); // 64 characters, the longest allowed
  });

  it('never repeats what was typed (it may be a key pasted into the wrong field)', () => {
    const pasted = 'sk-ant-api03-PASTED-INTO-NAME';
    expect(keyNameProblem(pasted)).not.toContain(pasted);
    expect(keyNameProblem(pasted)).not.toContain('PASTED');
  });
});

describe('keyValueProblem', () => {
  it('accepts printable ASCII up to the limit', () => {
    expect(keyValueProblem('sk-ant-api03-abc_DEF.123~')).toBeNull();
    expect(keyValueProblem('x'.repeat(KEY_VALUE_MAX_CHARS))).toBeNull();
  });

  it('refuses empty, too long, line breaks, tabs and non-ASCII, without echoing the value', () => {
    const cases = ['', 'x'.repeat(KEY_VALUE_MAX_CHARS + 1), 'sk-line1\nsk-line2', 'sk-a\tb', 'sk-clé-secrète'];
    for (const value of cases) {
      const problem = keyValueProblem(value);
      expect(problem, JSON.stringify(value.slice(0, 20))).not.toBeNull();
      if (value.length > 0) expect(problem).not.toContain(value.slice(0, 8));
    }
  });
});

describe('keyNameChoices / suggestedKeyName', () => {
  it('offers the well-known names in order, marks stored ones, then stored custom names sorted', () => {
    const stored = [
      { name: 'ZED_TOKEN', fingerprint: '00000001' },
      { name: 'OPENAI_API_KEY', fingerprint: '00000002' },
      { name: 'AZURE_KEY', fingerprint: '00000003' },
    ];
    const choices = keyNameChoices(stored);
    expect(choices.map((c) => c.name)).toEqual([...KNOWN_PROVIDER_KEYS, 'AZURE_KEY', 'ZED_TOKEN']);
    expect(choices.filter((c) => c.stored).map((c) => c.name)).toEqual(['OPENAI_API_KEY', 'AZURE_KEY', 'ZED_TOKEN']);
  });

  it('suggests the first well-known name not stored yet, the first one when all are', () => {
    expect(suggestedKeyName([])).toBe('ANTHROPIC_API_KEY');
    expect(suggestedKeyName([{ name: 'ANTHROPIC_API_KEY', fingerprint: 'aaaaaaaa' }])).toBe('OPENAI_API_KEY');
    expect(suggestedKeyName(KNOWN_PROVIDER_KEYS.map((name) => ({ name, fingerprint: 'ffffffff' })))).toBe('ANTHROPIC_API_KEY');
  });

  it('suggests a stored key the keychain can no longer decrypt first, so entering it again is one step', () => {
    expect(suggestedKeyName([{ name: 'ANTHROPIC_API_KEY', fingerprint: 'aaaaaaaa' }, { name: 'AZURE_KEY', fingerprint: '', unreadable: true }])).toBe('AZURE_KEY');
  });
});

describe('bridge rejections', () => {
  it('recognises the restarting refusal only', () => {
    expect(isGatewayRestarting(new Error(RESTARTING))).toBe(true);
    expect(isGatewayRestarting(new Error(REFUSED))).toBe(false);
    expect(isGatewayRestarting(new Error("Error invoking remote method 'x': IpcRejected: not called from the Switchboard dashboard"))).toBe(false);
    expect(isGatewayRestarting(undefined)).toBe(false);
  });

  it("reads as a sentence without Electron's wrapping", () => {
    expect(bridgeErrorText(new Error(REFUSED))).toBe('The value for OPENAI_API_KEY is empty.');
    expect(bridgeErrorText(new Error("Error invoking remote method 'c': Error: keychain locked"))).toBe('Keychain locked.');
    expect(bridgeErrorText(new Error('plain message!'))).toBe('Plain message!');
    expect(bridgeErrorText({})).toBe('The app did not answer. Try again.');
    expect(asSentence('no keyring is running')).toBe('No keyring is running.');
    expect(asSentence('')).toBe('');
  });

  it('cuts the value just entered out of a message, withholding the message when the value is short', () => {
    const long = 'sk-proj-0123456789abcdefghij';
    expect(bridgeErrorText(new Error(`OPENAI_API_KEY could not be stored: bad ${long}`), [long])).toBe(
      'OPENAI_API_KEY could not be stored: bad [redacted].',
    );
    const text = bridgeErrorText(new Error('OPENAI_API_KEY could not be stored: bad sk-12'), ['sk-12']);
    expect(text).not.toContain('sk-12');
    expect(text).toContain('not shown');
  });
});

describe('retry policy', () => {
  it('doubles from 250 ms, caps at 2 s, and covers a ~10 s restart', () => {
    expect([0, 1, 2, 3, 4, 8].map((r) => bridgeRetryDelay(r))).toEqual([250, 500, 1000, 2000, 2000, 2000]);
    const total = Array.from({ length: BRIDGE_RETRY.attempts - 1 }, (_, r) => bridgeRetryDelay(r)).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(10_000);
    expect(total).toBeLessThan(20_000);
  });
});

describe('callBridge', () => {
  const policy: RetryPolicy = { attempts: 4, initialMs: 100, maxMs: 300 };

  function scripted<T>(outcomes: (T | Error)[]) {
    let calls = 0;
    const call = () => {
      const next = outcomes[Math.min(calls++, outcomes.length - 1)]!;
      return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
    };
    return { call, calls: () => calls };
  }

  function recordingSleep() {
    const waits: number[] = [];
    return { waits, sleep: (ms: number) => (waits.push(ms), Promise.resolve()) };
  }

  it('retries the restarting refusal with growing waits, then returns the answer', async () => {
    const s = scripted([new Error(RESTARTING), new Error(RESTARTING), { name: 'OPENAI_API_KEY', fingerprint: '1a2b3c4d' }]);
    const { waits, sleep } = recordingSleep();
    await expect(callBridge(s.call, { sleep, policy })).resolves.toEqual({ name: 'OPENAI_API_KEY', fingerprint: '1a2b3c4d' });
    expect(s.calls()).toBe(3);
    expect(waits).toEqual([100, 200]);
  });

  it('gives up after the last attempt with the refusal itself', async () => {
    const s = scripted<string>([new Error(RESTARTING)]);
    const { waits, sleep } = recordingSleep();
    await expect(callBridge(s.call, { sleep, policy })).rejects.toThrow('the gateway is not running');
    expect(s.calls()).toBe(4);
    expect(waits).toEqual([100, 200, 300]);
  });

  it('does not retry any other rejection', async () => {
    const s = scripted<string>([new Error(REFUSED), 'never']);
    const { waits, sleep } = recordingSleep();
    await expect(callBridge(s.call, { sleep, policy })).rejects.toThrow('is empty');
    expect(s.calls()).toBe(1);
    expect(waits).toEqual([]);
  });

  it('stops retrying once aborted (the panel went away)', async () => {
    const s = scripted<string>([new Error(RESTARTING), 'late']);
    const controller = new AbortController();
    const sleep = () => {
      controller.abort();
      return Promise.resolve();
    };
    await expect(callBridge(s.call, { sleep, policy, signal: controller.signal })).rejects.toThrow('restarting');
    expect(s.calls()).toBe(1);
  });
});
