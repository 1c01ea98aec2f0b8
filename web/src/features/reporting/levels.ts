/** The levels a unit may ask: those below it (a province asks its communes and, before 2025, its districts). @module */
export type Level = "province" | "district" | "commune" | "hamlet";

export const BELOW: Record<Level, Level[]> = {
  province: ["commune", "hamlet", "district"],
  district: ["commune", "hamlet"],
  commune: ["hamlet"],
  hamlet: [],
};
