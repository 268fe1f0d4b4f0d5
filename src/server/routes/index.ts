import type { RoutePlugin } from '../route.js';

/**
 * Every route group, one line each. A route file exports `routes: RoutePlugin` and defines its
 * routes with `defineRoute` (see ../route.ts for the pattern). Loaded in this order.
 */
export const ROUTE_FILES: ReadonlyArray<() => Promise<{ routes: RoutePlugin }>> = [
  () => import('./health.js'),
  () => import('./assess.js'),
  () => import('./claims.js'),
  () => import('./reports.js'),
  () => import('./cases.js'),
  () => import('./stats.js'),
  () => import('./admin.js'),
  () => import('./live.js'),
  () => import('./stir.js'),
];
