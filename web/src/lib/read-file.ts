/** Upload limit: a transcript of a very long call is well under this. */
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

export type FileReadResult = { ok: true; text: string } | { ok: false; message: string };

/** Reads a transcript file chosen by the person, refusing huge and binary files with a plain reason. */
export async function readTranscriptFile(file: File): Promise<FileReadResult> {
  if (file.size > MAX_UPLOAD_BYTES) {
    return {
      ok: false,
      message: 'That file is too big. Choose a text file under 2 MB, or paste the part that matters.',
    };
  }
  const text = await file.text();
  if (text.includes('\u0000')) {
    return {
      ok: false,
      message: 'That file is not text. Choose a transcript saved as text, WebVTT (.vtt), SRT (.srt) or JSON.',
    };
  }
  return { ok: true, text };
}
