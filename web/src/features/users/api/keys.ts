/** Query keys of the users feature. @module */
export const userKeys = {
  all: () => ["users"] as const,
};
