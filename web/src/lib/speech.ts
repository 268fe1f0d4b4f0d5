/**
 * The browser's speech recognition, where it exists (Chrome, Edge, Safari). Not in the DOM
 * typings, so the little we use is declared here.
 */
interface RecognitionResult {
  isFinal: boolean;
  0: { transcript: string };
}
interface RecognitionEvent {
  resultIndex: number;
  results: ArrayLike<RecognitionResult>;
}
export interface Recognition {
  continuous: boolean;
  interimResults: boolean;
  lang: string;
  onresult: ((event: RecognitionEvent) => void) | null;
  onerror: ((event: { error: string }) => void) | null;
  onend: (() => void) | null;
  start(): void;
  stop(): void;
}
type RecognitionConstructor = new () => Recognition;

export function speechRecognition(): RecognitionConstructor | null {
  const w = window as unknown as {
    SpeechRecognition?: RecognitionConstructor;
    webkitSpeechRecognition?: RecognitionConstructor;
  };
  return w.SpeechRecognition ?? w.webkitSpeechRecognition ?? null;
}

/** Starts listening; calls `onText` with each finished sentence. Returns a stop function. */
export function listen(onText: (text: string) => void, onStop: (reason?: string) => void): () => void {
  const Ctor = speechRecognition();
  if (!Ctor) {
    onStop('Listening is not available in this browser.');
    return () => undefined;
  }
  const rec = new Ctor();
  rec.continuous = true;
  rec.interimResults = false;
  rec.lang = navigator.language || 'en-US';
  rec.onresult = (event) => {
    for (let i = event.resultIndex; i < event.results.length; i++) {
      const result = event.results[i];
      if (result?.isFinal) {
        const text = result[0].transcript.trim();
        if (text) onText(text);
      }
    }
  };
  rec.onerror = (event) => onStop(`Listening stopped (${event.error}).`);
  rec.onend = () => onStop();
  rec.start();
  return () => rec.stop();
}
