/** The case's timeline: every dated item in time order, with its stage. Pure. */
import type { Case, CaseItem, Stage } from './schema.js';
import { itemDetails, itemTitle } from './describe.js';
import { stageOf } from './stages.js';
import { compareWhen } from './validate.js';

export interface TimelineEntry {
  at: string;
  itemId: string;
  kind: CaseItem['kind'];
  stage?: Stage;
  title: string;
  details: string[];
}

/**
 * Dated items sorted by time (ties keep the order they were added); undated items are left out.
 * @example
 * buildTimeline(c).map((e) => `${e.at} ${e.title}`);
 */
export function buildTimeline(c: Pick<Case, 'items'>): TimelineEntry[] {
  return c.items
    .map((item, index) => ({ item, index }))
    .filter((x): x is { item: CaseItem & { at: string }; index: number } => x.item.at !== undefined)
    .sort((a, b) => compareWhen(a.item.at, b.item.at) || a.index - b.index)
    .map(({ item }) => {
      const entry: TimelineEntry = {
        at: item.at,
        itemId: item.id,
        kind: item.kind,
        title: itemTitle(item),
        details: itemDetails(item),
      };
      const s = stageOf(item);
      if (s) entry.stage = s;
      return entry;
    });
}

/** Items without a date, in the order they were added. */
export function undatedItems(c: Pick<Case, 'items'>): CaseItem[] {
  return c.items.filter((i) => i.at === undefined);
}
