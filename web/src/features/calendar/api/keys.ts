/** Query keys of the working-day calendar. @module */
export const calendarKeys = {
  year: (year: number) => ["calendar", year] as const,
};
