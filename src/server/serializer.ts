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
 * `anyOf: [{type: "string"}, {type: "null"}]` (zod's nullable) becomes `type: ["string", "null"]`:
 * fast-json-stringify picks an anyOf branch by validating the value against each at run time.
 */
function simplify(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(simplify);
  if (node === null || typeof node !== 'object') return node;
  const out: JsonSchema = {};
  for (const [k, v] of Object.entries(node)) out[k] = simplify(v);
  const anyOf = out.anyOf;
  if (Array.isArray(anyOf) && anyOf.every(isBareType) && Object.keys(out).length === 1) {
    return { type: anyOf.map((a: { type: string }) => a.type) };
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
