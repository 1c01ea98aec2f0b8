/** The built-in catalogue as the map `checkForm` reads (tests only). @module */
import { BUILT_IN_INDICATORS } from "./indicators.ts";

export const INDICATOR_CATALOGUE_FOR_TESTS = new Map(BUILT_IN_INDICATORS.map((i) => [i.code, i]));
