/** The draw on a real database: reproducible from seed and frame, reserves, substitution. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DrawError, getDrawnRows, getResponseRates, recordOutcome, runDraw } from "~/models/draw.server";
import { acceptFrameImport, importFrameFile } from "~/models/frame.server";
import { prisma } from "~/db/prisma.server";
import { createSurvey } from "./fixtures";

const dir = mkdtempSync(path.join(tmpdir(), "draw-data-"));
const HEADER = "dossier_code,unit_code,procedure,returned_at,name,phone,address";

async function drawnRound() {
  const { round, units } = await createSurvey({ units: [{ key: "a", level: "department", population: 300, targetSize: 10 }, { key: "b", level: "commune", population: 40, targetSize: 4 }], status: "draft" });
  const lines = [HEADER];
  for (let i = 0; i < 60; i++) lines.push(`A-${i},${units.a.code},X,2020-09-01,Người ${i},0912${String(i).padStart(6, "0")},`);
  for (let i = 0; i < 5; i++) lines.push(`B-${i},${units.b.code},X,2020-09-01,Người B${i},0913${String(i).padStart(6, "0")},`);
  const file = path.join(dir, `${round.code}.csv`);
  writeFileSync(file, lines.join("\n"));
  const imported = await importFrameFile({ roundId: round.id, path: file, fileName: "frame.csv", userId: null });
  return { round, units, imported };
}
const selection = async (roundId: string) =>
  (await getDrawnRows(roundId)).map((r) => `${r.unit.code}:${r.drawGroup}:${r.drawOrder}:${r.dossierCode}`).sort();

describe("runDraw", () => {
  it("needs an accepted frame (pending rows are invisible)", async () => {
    const { round } = await drawnRound();
    await expect(runDraw({ roundId: round.id, seed: "x", reservePercent: 50, userId: null })).rejects.toBeInstanceOf(DrawError);
  });

  it("draws n_h and ⌈50%⌉ reserves per unit, stores seed and fingerprint, and redraws identically", async () => {
    const { round, imported } = await drawnRound();
    await acceptFrameImport(round.id, imported.id, null);
    const draw = await runDraw({ roundId: round.id, seed: "lai-chau-2021", reservePercent: 50, userId: null });
    expect(draw.seed).toBe("lai-chau-2021");
    expect(draw.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const sizes = JSON.parse(draw.sizes);
    expect(Object.values(sizes)).toEqual(expect.arrayContaining([{ main: 10, reserve: 5, frame: 60 }, { main: 4, reserve: 1, frame: 5 }]));
    const first = await selection(round.id);
    expect(first).toHaveLength(20);
    await runDraw({ roundId: round.id, seed: "other", reservePercent: 50, userId: null });
    expect(await selection(round.id)).not.toEqual(first);
    const again = await runDraw({ roundId: round.id, seed: "lai-chau-2021", reservePercent: 50, userId: null });
    expect(await selection(round.id)).toEqual(first);
    expect(again.fingerprint).toBe(draw.fingerprint);
  });

  it("replaces a refusal by the next reserve in order, logs it, and refuses a redraw afterwards", async () => {
    const { round, units, imported } = await drawnRound();
    await acceptFrameImport(round.id, imported.id, null);
    await runDraw({ roundId: round.id, seed: "s", reservePercent: 50, userId: null });
    const rows = await getDrawnRows(round.id);
    const ofA = rows.filter((r) => r.unitId === units.a.id);
    const main1 = ofA.find((r) => r.drawGroup === "main" && r.drawOrder === 1)!;
    const main2 = ofA.find((r) => r.drawGroup === "main" && r.drawOrder === 2)!;
    const reserve1 = ofA.find((r) => r.drawGroup === "reserve" && r.drawOrder === 1)!;
    const reserve2 = ofA.find((r) => r.drawGroup === "reserve" && r.drawOrder === 2)!;
    expect((await recordOutcome({ roundId: round.id, rowId: main1.id, outcome: "refused", note: "bận", userId: null }))?.id).toBe(reserve1.id);
    expect((await recordOutcome({ roundId: round.id, rowId: main2.id, outcome: "unreachable", note: "", userId: null }))?.id).toBe(reserve2.id);
    expect(await recordOutcome({ roundId: round.id, rowId: reserve1.id, outcome: "completed", note: "", userId: null })).toBeNull();
    const after = await prisma.frameRow.findUniqueOrThrow({ where: { id: main1.id } });
    expect(after).toMatchObject({ outcome: "refused", outcomeNote: "bận", replacedById: reserve1.id, drawGroup: "main" });
    expect((await prisma.frameRow.findUniqueOrThrow({ where: { id: reserve1.id } })).drawGroup).toBe("substitute");
    await expect(recordOutcome({ roundId: round.id, rowId: main1.id, outcome: "completed", note: "", userId: null })).rejects.toMatchObject({ reason: "already-recorded" });
    const log = await prisma.auditEntry.findFirstOrThrow({ where: { action: "draw.outcome", entityId: main1.id } });
    expect(JSON.parse(log.after!).substitute.dossierCode).toBe(reserve1.dossierCode);
    const rateA = (await getResponseRates(round.id)).find((r) => r.unitCode === units.a.code)!;
    expect(rateA).toMatchObject({ issued: 12, completed: 1, refused: 1, unreachable: 1, responseRate: 0.5 });
    await expect(runDraw({ roundId: round.id, seed: "s", reservePercent: 50, userId: null })).rejects.toMatchObject({ reason: "fieldwork-started" });
  });

  it("records the outcome but finds no substitute when the reserve list is used up", async () => {
    const { round, units, imported } = await drawnRound();
    await acceptFrameImport(round.id, imported.id, null);
    await runDraw({ roundId: round.id, seed: "s", reservePercent: 0, userId: null });
    const row = (await getDrawnRows(round.id)).find((r) => r.unitId === units.b.id)!;
    expect(await recordOutcome({ roundId: round.id, rowId: row.id, outcome: "ineligible", note: "", userId: null })).toBeNull();
  });
});
