// An identity's name with its stable colour (hue from a hash; the theme's CSS picks the lightness).
import type { CSSProperties } from 'react';
import { identityHue } from '../lib/identity-colour';

export function identityStyle(identity: string): CSSProperties {
  return { '--hue': identityHue(identity) } as CSSProperties;
}

export function IdentityChip({ identity, testId }: { identity: string; testId?: string }) {
  return (
    <span className="id-chip" style={identityStyle(identity)} data-testid={testId} title={identity}>
      <span className="id-dot" aria-hidden="true" />
      <span className="id-name">{identity}</span>
    </span>
  );
}
