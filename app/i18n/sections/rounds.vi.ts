/** Vietnamese strings of rounds. Merged into the one Vietnamese dictionary (../vi.ts). */
export const roundsVi = {
} as const;
