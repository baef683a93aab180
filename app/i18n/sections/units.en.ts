import type { unitsVi } from "./units.vi";

/** English strings of units, with exactly the keys of the Vietnamese ones. */
export const unitsEn: Record<keyof typeof unitsVi, string> = {
};
