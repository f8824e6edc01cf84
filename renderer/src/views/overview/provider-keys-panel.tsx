// "Provider keys": in the app window, the keys stored encrypted by the app (through the preload bridge);
// in a plain browser, where there is no bridge, where the gateway takes its keys from instead.
import { KNOWN_PROVIDER_KEYS } from '../../../../shared/protocol/ipc';
import { useServices } from '../../app-context';
import { ProviderKeysApp } from './provider-keys-app';

export function ProviderKeysPanel() {
  const { bridge } = useServices();
  return bridge ? <ProviderKeysApp bridge={bridge} /> : <ProviderKeysHeadless />;
}

function ProviderKeysHeadless() {
  return (
    <section className="card panel keys" data-testid="provider-keys" data-mode="browser" aria-labelledby="provider-keys-title">
      <h3 className="panel-title" id="provider-keys-title">Provider keys</h3>
      <div className="keys-explain" data-testid="provider-keys-headless">
        <p>
          Opened in a browser, this dashboard cannot change provider keys. In headless mode (<code>switchboard serve</code>)
          the gateway reads them from environment variables when it starts:
        </p>
        <ul className="keys-env" aria-label="Environment variables">
          {KNOWN_PROVIDER_KEYS.map((name) => (
            <li key={name}>
              <code>{name}</code>
            </li>
          ))}
        </ul>
        <p>
          or from a model’s <code>api_key</code> in the config, such as <code>api_key: os.environ/ANTHROPIC_API_KEY</code>.
          Restart the gateway after changing one.
        </p>
        <p className="muted">
          In the Switchboard desktop app you can enter keys here instead: they are stored encrypted by the operating
          system’s keychain and handed to the gateway when it starts.
        </p>
      </div>
    </section>
  );
}
