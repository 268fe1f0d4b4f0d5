/**
 * Response bodies through Fastify's schema serializer (fast-json-stringify), with the JSON Schema
 * generated from the route's zod schema. About 2.5x faster than JSON.stringify on a number check
 * with its reputation. fast-json-stringify writes only the properties the schema names, so a
 * schema that misses a field drops it silently: every schema given here has a test that
 * compares the served body with JSON.stringify of the same value (test/server/serializer.test.ts).
 */
import { z } from 'zod';

type JsonSchema = Record<string, unknown>;

export function responseJsonSchema(schema: z.ZodType): JsonSchema {
  const js = z.toJSONSchema(schema, {
    io: 'output',
    target: 'draft-7',
    unrepresentable: 'throw',
  }) as JsonSchema;
  delete js.$schema;
  return simplify(js) as JsonSchema;
}

/**
 * zod writes nullable as `anyOf: [X, {type: "null"}]`, and fast-json-stringify picks an anyOf
 * branch by validating the value against each (ajv) on every call. Bare types become
 * `type: ["string", "null"]`, objects `nullable: true`.
 */
function simplify(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(simplify);
  if (node === null || typeof node !== 'object') return node;
  const out: JsonSchema = {};
  for (const [k, v] of Object.entries(node)) out[k] = simplify(v);
  const anyOf = out.anyOf;
  if (Array.isArray(anyOf) && Object.keys(out).length === 1) {
    if (anyOf.every(isBareType)) return { type: anyOf.map((a: { type: string }) => a.type) };
    // An object or null: fast-json-stringify's own "nullable" keyword, no run-time validation.
    const [first, second] = anyOf as JsonSchema[];
    if (
      anyOf.length === 2 &&
      first?.type === 'object' &&
      second?.type === 'null' &&
      Object.keys(second).length === 1
    ) {
      return { ...first, nullable: true };
    }
  }
  return out;
}

function isBareType(s: unknown): s is { type: string } {
  return (
    typeof s === 'object' &&
    s !== null &&
    Object.keys(s).length === 1 &&
    typeof (s as { type?: unknown }).type === 'string' &&
    ['string', 'number', 'integer', 'boolean', 'null'].includes((s as { type: string }).type)
  );
}
