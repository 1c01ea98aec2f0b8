/** Query keys of the audit log. @module */
export const auditKeys = {
  page: (page: number) => ["audit", page] as const,
};
