/** Vietnamese strings of fieldwork. Merged into the one Vietnamese dictionary (../vi.ts). */
export const fieldworkVi = {
} as const;
