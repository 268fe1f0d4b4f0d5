/**
 * OpenAPI 3.1 built from the operations registered with defineRoute: the same zod schemas that
 * validate requests are converted with z.toJSONSchema (JSON Schema 2020-12, which 3.1 uses).
 */
import { z } from 'zod';
import { ERROR_CATALOGUE } from '../errors/catalogue.js';
import { VERSION } from '../version.js';
import type { OperationRecord } from './route.js';

type JsonSchema = Record<string, unknown>;

/** Named schemas (zod `.meta({ id })`) hoisted from each conversion into components.schemas. */
type Components = Record<string, JsonSchema>;

function toJson(schema: z.ZodType, io: 'input' | 'output', components: Components): JsonSchema {
  const js = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  delete js.$schema;
  const defs = js.$defs as Components | undefined;
  delete js.$defs;
  // "#/$defs/X" is relative to the embedded schema; inside the OpenAPI document it must point at components.
  const rewritten = rewriteRefs(js) as JsonSchema;
  for (const [name, def] of Object.entries(defs ?? {})) components[name] ??= rewriteRefs(def) as JsonSchema;
  return rewritten;
}

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value === null || typeof value !== 'object') return value;
  const out: JsonSchema = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] =
      k === '$ref' && typeof v === 'string'
        ? v.replace(/^#\/\$defs\//, '#/components/schemas/')
        : rewriteRefs(v);
  }
  return out;
}

function parameters(
  schema: z.ZodType | undefined,
  where: 'path' | 'query',
  components: Components,
): JsonSchema[] {
  if (!schema) return [];
  const js = toJson(schema, 'input', components);
  const props = (js.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((js.required as string[] | undefined) ?? []);
  return Object.entries(props).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    ...(typeof s.description === 'string' ? { description: s.description } : {}),
    schema: s,
  }));
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad input (CG_INPUT_INVALID, CG_JSON_MALFORMED): the pointer names the field',
  401: 'Admin token missing (CG_UNAUTHORIZED)',
  403: 'Admin token wrong or admin disabled (CG_FORBIDDEN)',
  404: 'Not found (CG_NOT_FOUND)',
  409: 'Conflicts with an earlier request (CG_CONFLICT)',
  413: 'Body too large (CG_INPUT_TOO_LARGE)',
  415: 'Unsupported content type (CG_UNSUPPORTED_MEDIA_TYPE)',
  422: 'Understood but unusable input (e.g. CG_NUMBER_INVALID, CG_TRANSCRIPT_EMPTY)',
  426: 'A plain HTTP request to a WebSocket address (CG_UPGRADE_REQUIRED)',
  429: 'Rate limited (CG_RATE_LIMITED); see Retry-After',
  503: 'Unavailable: too many requests already waiting (CG_BUSY; see Retry-After), the database (CG_STORE_UNAVAILABLE), or a feature this server has not configured (CG_STIR_NOT_CONFIGURED)',
};

const PROBLEM_SCHEMA: JsonSchema = {
  type: 'object',
  description: 'RFC 9457 problem details with CallGuard extensions.',
  required: ['type', 'title', 'status', 'detail', 'code', 'howToFix'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string', enum: Object.keys(ERROR_CATALOGUE) },
    pointer: {
      type: 'string',
      description: 'The offending field: /json/pointer, ?query, {path} or header:name',
    },
    howToFix: { type: 'string' },
    instance: { type: 'string' },
    requestId: { type: 'string' },
  },
};

export function buildOpenApi(operations: readonly OperationRecord[]): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  const components: Components = { Problem: PROBLEM_SCHEMA };
  for (const op of operations) {
    const responses: Record<string, JsonSchema> = {
      [String(op.successStatus)]: {
        description: 'Success',
        content: {
          'application/json': { schema: op.response ? toJson(op.response, 'output', components) : {} },
        },
      },
    };
    for (const status of [...op.errors, 500]) {
      responses[String(status)] = {
        description: STATUS_TEXT[status] ?? 'Server error (CG_INTERNAL); report the requestId',
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      };
    }
    const headerParams = (op.headers ?? []).map((h) => ({
      name: h.name,
      in: 'header',
      required: h.required === true,
      description: h.description,
      schema: { type: 'string' },
    }));
    const operation: JsonSchema = {
      operationId: op.operationId,
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      tags: op.tags,
      parameters: [
        ...parameters(op.params, 'path', components),
        ...parameters(op.query, 'query', components),
        ...headerParams,
      ],
      ...(op.body
        ? {
            requestBody: {
              required: true,
              content: {
                [op.bodyMediaType ?? 'application/json']: { schema: toJson(op.body, 'input', components) },
              },
            },
          }
        : {}),
      responses,
      ...(op.admin ? { security: [{ adminToken: [] }] } : {}),
      ...(op.rateLimited ? { 'x-rate-limited': true } : {}),
    };
    (paths[op.path] ??= {})[op.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'CallGuard API',
      version: VERSION,
      description:
        'Is that call from "Microsoft" (or any company) a scam? Assess calls, check numbers, links and emails, ' +
        'report scams. Errors are RFC 9457 application/problem+json with a stable code (see /docs/errors). ' +
        'Live calls: WebSocket /v1/live.',
      license: { name: 'MIT' },
    },
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        adminToken: { type: 'http', scheme: 'bearer', description: 'CALLGUARD_ADMIN_TOKEN' },
      },
    },
  };
}
