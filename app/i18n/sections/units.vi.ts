/** Vietnamese strings of units. Merged into the one Vietnamese dictionary (../vi.ts). */
export const unitsVi = {
} as const;
