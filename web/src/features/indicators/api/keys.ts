/** Query keys of the indicator catalogue, which the forms and the reports read too. @module */
export const indicatorKeys = {
  all: () => ["indicators"] as const,
};
