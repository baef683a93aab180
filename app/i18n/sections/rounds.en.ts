import type { roundsVi } from "./rounds.vi";

/** English strings of rounds, with exactly the keys of the Vietnamese ones. */
export const roundsEn: Record<keyof typeof roundsVi, string> = {
};
