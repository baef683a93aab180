import type { fieldworkVi } from "./fieldwork.vi";

/** English strings of fieldwork, with exactly the keys of the Vietnamese ones. */
export const fieldworkEn: Record<keyof typeof fieldworkVi, string> = {
};
