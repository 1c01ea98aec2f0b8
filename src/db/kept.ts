/**
 * The answers a process keeps between requests, in one bag. Each feature declares its own member by merging
 * into `Kept` (as Hono's ContextVariableMap is filled); `features/kept.ts` builds every member once at start-up,
 * and features receive the bag through `AppDeps.kept` and hand it to their services. docs/performance.md
 * lists every member: what it keys, what makes it stale, how other processes learn of a change.
 * @module
 */

// biome-ignore lint/suspicious/noEmptyInterface: each feature adds its member (declaration merging)
export interface Kept {}
