/**
 * Serves the built web app (dist/web, made by Vite) at "/". When it has not been built, "/" says
 * so and how to build it, instead of a bare 404. Unknown non-API GETs that ask for HTML get
 * index.html so client-side routes survive a reload.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';

/** dist/web at the package root: ../../ from both src/server and dist/server. */
export const DEFAULT_WEB_DIR = resolve(fileURLToPath(new URL('../../dist/web/', import.meta.url)));

export const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>CallGuard: web app not built</title></head>
<body>
<h1>CallGuard is running, but the web app is not built</h1>
<p>The API works: see <a href="/docs">/docs</a>.</p>
<p>To build the web app, run <code>npm run build</code> (or <code>npm start</code>, which builds and serves)
in the CallGuard folder, then reload this page.</p>
</body>
</html>
`;

export async function registerWebApp(app: FastifyInstance, webDir = DEFAULT_WEB_DIR): Promise<boolean> {
  const index = join(webDir, 'index.html');
  if (!existsSync(index)) {
    app.get('/', async (_req, reply) => reply.type('text/html; charset=utf-8').send(NOT_BUILT_PAGE));
    return false;
  }
  await app.register(fastifyStatic, {
    root: webDir,
    prefix: '/',
    wildcard: true,
    index: 'index.html',
    setHeaders(reply, path) {
      // Vite fingerprints everything under assets/; index.html must always be revalidated.
      const immutable = path.includes(`${join(webDir, 'assets')}`);
      reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  return true;
}

/** For the not-found handler: should this request get the web app's index.html? */
export function wantsWebApp(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?')[0] ?? '';
  if (path.startsWith('/v1/') || path.startsWith('/docs') || path === '/openapi.json') return false;
  if (/\.[a-z0-9]+$/i.test(path)) return false; // a missing file, not a page
  return (request.headers.accept ?? '').includes('text/html');
}

export function sendIndex(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'no-cache').sendFile('index.html');
}
