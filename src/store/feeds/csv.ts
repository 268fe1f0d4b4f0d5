/**
 * Splits one CSV record (RFC 4180 quoting, "" for a quote inside quotes). Returns null when the
 * quotes are unbalanced, i.e. the record does not fit on one line; feed rows always do.
 */
export function splitCsvLine(line: string): string[] | null {
  if (!line.includes('"')) return line.split(',');
  const out: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < line.length) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"') {
        if (line[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      out.push(field);
      field = '';
    } else {
      field += ch;
    }
    i++;
  }
  if (quoted) return null;
  out.push(field);
  return out;
}
