import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Assessment, CallFacts, TranscriptInput } from '../../../src/engine/types.js';

/** What the person has checked so far. Kept in memory only: it never leaves the device by itself. */
export interface LastCheck {
  from: 'guided' | 'transcript' | 'live';
  facts: CallFacts;
  transcript?: TranscriptInput;
  assessment: Assessment;
  at: Date;
}

export interface AppState {
  lastCheck: LastCheck | null;
  setLastCheck(check: LastCheck | null): void;
}

export const AppStateContext = createContext<AppState>({
  lastCheck: null,
  setLastCheck: () => undefined,
});

export function useAppState(): AppState {
  return useContext(AppStateContext);
}
