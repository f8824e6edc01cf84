// Add or replace a provider key. The value field is uncontrolled on purpose: the key is read from the
// field once, at submit, the field is emptied at once, and the value goes straight to the bridge call;
// it never enters React state, props or the DOM's attributes.
import { useId, useRef, useState, type FormEvent } from 'react';
import { keyNameProblem, keyValueProblem, type KeyNameChoice } from '../../lib/provider-key-input';

const CUSTOM = '';

export interface ProviderKeyFormProps {
  choices: KeyNameChoice[];
  suggested: string;
  disabled: boolean;
  /** shown under the form while it is disabled for good (not just busy) */
  disabledReason: string | null;
  onSave: (name: string, value: string) => Promise<boolean>;
}

export function ProviderKeyForm({ choices, suggested, disabled, disabledReason, onSave }: ProviderKeyFormProps) {
  const ids = useId();
  // null until the user picks: then the suggestion follows the list (the first well-known name not stored)
  const [picked, setPicked] = useState<string | null>(null);
  const [customName, setCustomName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [valueError, setValueError] = useState<string | null>(null);
  const valueRef = useRef<HTMLInputElement>(null);
  const customRef = useRef<HTMLInputElement>(null);
  const selected = picked ?? suggested;
  const custom = selected === CUSTOM;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const field = valueRef.current;
    if (!field || disabled) return;
    const name = custom ? customName.trim() : selected;
    const nameProblem = keyNameProblem(name);
    setNameError(nameProblem);
    if (nameProblem) {
      // the value stays in its field: only the name needs fixing
      (custom ? customRef.current : field)?.focus();
      return;
    }
    const value = field.value.trim();
    field.value = '';
    const valueProblem = keyValueProblem(value);
    setValueError(valueProblem);
    if (valueProblem) {
      field.focus();
      return;
    }
    void onSave(name, value).then((saved) => {
      if (saved) {
        setPicked(null);
        setCustomName('');
      }
      // the fieldset was disabled meanwhile, which took the focus away: give it back where typing goes on
      valueRef.current?.focus();
    });
  };

  const nameErrorId = `${ids}-name-error`;
  const valueErrorId = `${ids}-value-error`;
  return (
    <form className="key-form" onSubmit={submit} autoComplete="off" data-testid="provider-key-form" aria-label="Add or replace a provider key">
      <fieldset className="key-fieldset" disabled={disabled}>
        <legend className="subhead">Add or replace a key</legend>
        <div className="key-fields">
          <label className="field">
            <span className="field-label">Variable</span>
            <select
              className="select key-select mono"
              value={selected}
              onChange={(e) => {
                setPicked(e.target.value);
                setNameError(null);
              }}
              data-testid="provider-key-name"
            >
              {choices.map((c) => (
                <option key={c.name} value={c.name}>
                  {c.stored ? `${c.name} (replace)` : c.name}
                </option>
              ))}
              <option value={CUSTOM}>Other…</option>
            </select>
          </label>
          {custom && (
            <label className="field">
              <span className="field-label">Name</span>
              <input
                ref={customRef}
                className="input mono key-custom"
                value={customName}
                onChange={(e) => {
                  setCustomName(e.target.value);
                  setNameError(null);
                }}
                placeholder="MISTRAL_API_KEY"
                // it appears because the user just chose "Other…": typing the name is the next step
                autoFocus
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                aria-invalid={nameError !== null}
                aria-describedby={nameError ? nameErrorId : undefined}
                data-testid="provider-key-custom-name"
              />
            </label>
          )}
          <label className="field field-grow">
            <span className="field-label">Value</span>
            <input
              ref={valueRef}
              type="password"
              className="input mono"
              placeholder="Paste the key"
              autoComplete="off"
              autoCorrect="off"
              autoCapitalize="off"
              spellCheck={false}
              aria-invalid={valueError !== null}
              aria-describedby={valueError ? valueErrorId : undefined}
              onInput={() => setValueError(null)}
              data-testid="provider-key-value"
            />
          </label>
          <button type="submit" className="button button-small button-accent" data-testid="provider-key-save">
            Save
          </button>
        </div>
      </fieldset>
      {nameError && (
        <p className="field-error" id={nameErrorId} data-testid="provider-key-name-error">
          {nameError}
        </p>
      )}
      {valueError && (
        <p className="field-error" id={valueErrorId} data-testid="provider-key-value-error">
          {valueError}
        </p>
      )}
      {disabled && disabledReason && <p className="muted small">{disabledReason}</p>}
    </form>
  );
}
