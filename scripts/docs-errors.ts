/** Writes docs/errors.md from the error catalogue (`npm run docs:errors`). */
import { writeFileSync } from 'node:fs';
import { ERROR_CATALOGUE } from '../src/errors/catalogue.js';

let out = `# Error catalogue

Every user-facing failure has a stable code. The API returns it as RFC 9457 \`application/problem+json\`
(\`type\`, \`title\`, \`status\`, \`detail\`, \`code\`, \`pointer\` for the offending field, \`howToFix\`); the CLI prints
it on one line and exits with 2 (bad input) or 1 (server-side failure).

Generated from \`src/errors/catalogue.ts\` by \`npm run docs:errors\`; a test fails when a code is missing here.

| code | HTTP | meaning | how to fix |
|---|---|---|---|
`;
for (const [code, def] of Object.entries(ERROR_CATALOGUE)) {
  out += `| <a id="${code.toLowerCase()}"></a>\`${code}\` | ${def.status} | ${def.title} | ${def.howToFix} |\n`;
}
writeFileSync(new URL('../docs/errors.md', import.meta.url), out);
