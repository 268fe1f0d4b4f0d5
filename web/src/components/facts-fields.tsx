import type { CallFacts, Initiator } from '../../../src/engine/types.js';

/** The two facts that matter most for any transcript: who called whom, and who they claimed to be. */
export function FactsFields({
  facts,
  onChange,
  idPrefix,
}: {
  facts: CallFacts;
  onChange(facts: CallFacts): void;
  idPrefix: string;
}) {
  return (
    <div class="fields-row">
      <div class="field">
        <label for={`${idPrefix}-initiated`}>Who called whom?</label>
        <select
          id={`${idPrefix}-initiated`}
          value={facts.initiatedBy ?? ''}
          onChange={(e) => {
            const value = (e.currentTarget as HTMLSelectElement).value;
            onChange({ ...facts, initiatedBy: value ? (value as Initiator) : undefined });
          }}
        >
          <option value="">I don't know</option>
          <option value="them">They called me</option>
          <option value="me">I called them</option>
        </select>
      </div>
      <div class="field">
        <label for={`${idPrefix}-org`}>Who did they say they were? (optional)</label>
        <input
          id={`${idPrefix}-org`}
          type="text"
          autocomplete="off"
          value={facts.claimedOrg ?? ''}
          onInput={(e) => {
            const value = (e.currentTarget as HTMLInputElement).value;
            onChange({ ...facts, claimedOrg: value || undefined });
          }}
        />
      </div>
    </div>
  );
}
