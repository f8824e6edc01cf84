// Copies text to the clipboard; says "Copied" for a moment. Falls back to selecting nothing silently:
// 127.0.0.1 is a secure context, so the async clipboard API is available in both shells.
import { useEffect, useState } from 'react';

export function CopyButton({ text, label = 'Copy', testId }: { text: string; label?: string; testId?: string }) {
  const [copied, setCopied] = useState<'ok' | 'failed' | null>(null);
  useEffect(() => {
    if (!copied) return;
    const handle = window.setTimeout(() => setCopied(null), 1_500);
    return () => window.clearTimeout(handle);
  }, [copied]);
  return (
    <button
      type="button"
      className="button button-small"
      data-testid={testId}
      onClick={() => {
        navigator.clipboard.writeText(text).then(
          () => setCopied('ok'),
          () => setCopied('failed'),
        );
      }}
    >
      {copied === 'ok' ? 'Copied' : copied === 'failed' ? 'Copy failed' : label}
    </button>
  );
}
