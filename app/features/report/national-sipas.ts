/**
 * The national SIPAS index (% satisfied) published by the Ministry of Home Affairs, by
 * year, for the report's comparison sentence. Source: docs/method/sipas.md §6 (the Ministry's yearly
 * SIPAS reports). 2022 on is the new household design (Decision 1001/QĐ-BNV), so a
 * province's 2017-instrument index is compared with it only as context.
 */
export const NATIONAL_SIPAS: Readonly<Record<number, number>> = {
  2018: 82.99,
  2019: 84.45,
  2020: 85.48,
  2022: 80.08,
  2023: 82.66,
  2024: 83.94,
};
