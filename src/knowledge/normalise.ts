/**
 * Lowercase word tokens for matching names in typed or speech-to-text text: accents stripped,
 * "&" read as "and", everything that is not a letter or digit is a separator.
 *
 * @example tokens("Micro-Soft Support!") // ["micro", "soft", "support"]
 */
export function tokens(text: string): string[] {
  const folded = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ');
  return folded.split(/[^\p{L}\p{N}]+/u).filter((t) => t.length > 0);
}
