/**
 * Approximate bounding boxes of Lai Châu's 8 districts and city, [south, west, north,
 * east] in WGS84 degrees, for the "location outside the district" quality flag (issue 5,
 * ADR 008). Hand-estimated from the districts' positions on OpenStreetMap's
 * administrative map, rounded outwards to 0.05°: good enough to catch an interview
 * recorded in another district or province, not a survey boundary. Boxes of neighbours
 * overlap, so a location near a shared border is never flagged. Replace them with the
 * province's official boundaries when available.
 *
 * The seed writes a box only where a district has none, so a corrected one survives a re-seed.
 */
import { prisma } from "../../app/db/prisma.server";

export const DISTRICT_BOUNDS: Record<string, [number, number, number, number]> = {
  "tp-lai-chau": [22.3, 103.35, 22.5, 103.55],
  "huyen-tam-duong": [22.2, 103.35, 22.6, 103.85],
  "huyen-phong-tho": [22.3, 103.0, 22.85, 103.7],
  "huyen-sin-ho": [21.9, 102.85, 22.6, 103.5],
  "huyen-muong-te": [21.9, 102.1, 22.85, 103.05],
  "huyen-nam-nhun": [21.8, 102.6, 22.4, 103.2],
  "huyen-tan-uyen": [21.9, 103.5, 22.4, 104.0],
  "huyen-than-uyen": [21.6, 103.5, 22.2, 104.05],
};

export async function seedDistrictBounds() {
  let written = 0;
  for (const [code, bounds] of Object.entries(DISTRICT_BOUNDS)) {
    const { count } = await prisma.unit.updateMany({
      where: { code, level: "district", bounds: null },
      data: { bounds: JSON.stringify(bounds) },
    });
    written += count;
  }
  return written;
}
