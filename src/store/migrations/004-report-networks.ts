import type { Kysely } from 'kysely';

/**
 * A keyed hash of the network a report or "not a scam" vote came from (the client's /24 or /48),
 * so one network counts as one reporter however many reporter keys it sends. Rows written before
 * have none and count by their reporter key, as they did.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('reports').addColumn('network_hash', 'text').execute();
  await db.schema.alterTable('not_scam_votes').addColumn('network_hash', 'text').execute();
}
