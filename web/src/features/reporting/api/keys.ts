/**
 * Query keys of reporting besides a report's own (`submissionKeys`) and the dashboards' (`dashboardKeys`): the
 * inbox, the requests, a request with its consolidation, revisions, reminders and deadlines.
 * @module
 */
export const reportingKeys = {
  inbox: () => ["inbox"] as const,
  requests: () => ["requests"] as const,
  /** Every request page and consolidation, to refresh after a report moves. */
  anyRequest: () => ["request"] as const,
  request: (id: number | string) => ["request", String(id)] as const,
  consolidation: (id: number | string, unit: string | null) =>
    ["request", String(id), "consolidation", unit] as const,
  /** Every consolidation of a request (the prefix of `consolidation`). */
  anyConsolidation: (id: number | string) => ["request", String(id), "consolidation"] as const,
  preview: (of: object | null) => ["request-preview", of] as const,
  revisions: (submissionId: number) => ["revisions", submissionId] as const,
  reminders: () => ["reminders"] as const,
  timeliness: (unit: string) => ["timeliness", unit] as const,
  deadline: (code: string | null, level: string | null | undefined, answers: number | null = null) =>
    ["deadline", code, level ?? null, answers] as const,
};
