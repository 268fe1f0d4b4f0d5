import { useState } from 'preact/hooks';

/** Copies text to the clipboard and says so (to screen readers too). */
export function CopyButton({
  text,
  label,
  failed = 'Could not copy. Select the text and copy it.',
}: {
  text: string;
  label: string;
  /** What to do when the browser refuses to copy (for text not shown on the page, say so). */
  failed?: string;
}) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  async function copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  }
  return (
    <span class="copy">
      <button type="button" class="button" onClick={() => void copy()}>
        {label}
      </button>
      <span role="status" class="copy-status">
        {state === 'copied' ? ' Copied.' : state === 'failed' ? ` ${failed}` : ''}
      </span>
    </span>
  );
}
