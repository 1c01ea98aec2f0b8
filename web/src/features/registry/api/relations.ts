/** The kinds of relation between registered documents (implements, replaces, amends…). @module */
export const KINDS = ["implements", "replaces", "amends", "guides", "reports_on", "requested_by"] as const;
