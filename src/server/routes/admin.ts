/**
 * Admin routes: moderation and feed imports, behind `Authorization: Bearer $CALLGUARD_ADMIN_TOKEN`
 * (see ../admin-auth.ts). Without a configured token they all answer 403 and say how to enable them.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import { CallGuardError } from '../../errors/catalogue.js';
import { defineRoute, type RoutePlugin } from '../route.js';

const idParams = z.object({ id: z.string().min(1).max(100) });
const hideBody = z.strictObject({ reason: z.string().trim().max(500).optional() }).optional();
const importQuery = z.object({
  name: z
    .string()
    .regex(/^[\w.-]{1,100}$/, 'letters, digits, dot, dash and underscore, up to 100')
    .optional()
    .describe('Name recorded for the import (e.g. the FTC file name); same name + same bytes = no-op'),
});

export const routes: RoutePlugin = (app, { deps, config }) => {
  // CSV uploads arrive as a stream; the handler writes them to a temp file with its own size limit.
  app.addContentTypeParser('text/csv', (_request, payload, done) => done(null, payload));

  defineRoute(app, {
    method: 'GET',
    url: '/v1/admin/reports/:id',
    operationId: 'adminGetReport',
    summary: 'One report, hidden or not',
    tags: ['admin'],
    admin: true,
    params: idParams,
    errors: [404],
    handler: async ({ params }) => deps.store.reports.get(params.id, { includeHidden: true }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/v1/admin/reports/:id/hide',
    operationId: 'adminHideReport',
    summary: 'Hide a report from the public (moderation); its votes stop counting',
    tags: ['admin'],
    admin: true,
    params: idParams,
    body: hideBody,
    errors: [404],
    handler: async ({ params, body }) => deps.store.reports.hide(params.id, { reason: body?.reason }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/v1/admin/reports/:id/restore',
    operationId: 'adminRestoreReport',
    summary: 'Restore a hidden report',
    tags: ['admin'],
    admin: true,
    params: idParams,
    errors: [404],
    handler: async ({ params }) => deps.store.reports.restore(params.id),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/v1/admin/imports/ftc-dnc',
    operationId: 'adminImportFtcDnc',
    summary: "Upload one FTC Do Not Call reported-calls CSV (the FTC's daily file); idempotent",
    tags: ['admin'],
    admin: true,
    query: importQuery,
    bodyMediaType: 'text/csv',
    errors: [413, 415, 422],
    handler: async ({ query, request }) => {
      const payload = request.body as Readable | undefined;
      if (!payload || typeof (payload as Readable).pipe !== 'function') {
        throw new CallGuardError(
          'CG_UNSUPPORTED_MEDIA_TYPE',
          'Send the CSV file as the body with Content-Type: text/csv.',
        );
      }
      const dir = await mkdtemp(join(tmpdir(), 'callguard-upload-'));
      const file = join(dir, 'upload.csv');
      const name = query.name ?? 'upload.csv';
      try {
        await pipeline(payload, limitBytes(config.uploadLimit), createWriteStream(file));
        if ((await stat(file)).size === 0) {
          throw new CallGuardError('CG_INPUT_INVALID', 'The uploaded CSV is empty.', { pointer: '/body' });
        }
        return await deps.store.feeds.importFtcDnc({ path: file, name });
      } catch (err) {
        // The importer names the file it read; the client knows only its upload.
        if (err instanceof CallGuardError && err.message.includes(file)) {
          throw new CallGuardError(err.code, err.message.split(file).join(name), {
            pointer: err.pointer === file ? '/body' : err.pointer,
            cause: err,
          });
        }
        throw err;
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  });
};

function limitBytes(max: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      if (seen > max) {
        done(
          new CallGuardError(
            'CG_INPUT_TOO_LARGE',
            `The upload is over the ${max}-byte limit (CALLGUARD_UPLOAD_LIMIT).`,
          ),
        );
        return;
      }
      done(null, chunk);
    },
  });
}
