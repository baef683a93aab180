import { describe, expect, it } from "vitest";
import { estimateRows } from "~/features/sampling/frame-progress";

describe("estimateRows", () => {
  it("estimates a large file's rows from its first 64 KB", async () => {
    const header = "dossier_code,unit_code,procedure,returned_at,name,phone,address\n";
    const row = (i: number) =>
      `HS-${String(i).padStart(6, "0")},so-noi-vu,Cấp giấy phép,2020-09-01,Người ${i},0912345678,Bản Nà\n`;
    const text = header + Array.from({ length: 20_000 }, (_, i) => row(i)).join("");
    const estimate = await estimateRows(new File([text], "frame.csv"));
    // Rows are nearly the same length, so the estimate is within 2% of the truth.
    expect(Math.abs(estimate - 20_000) / 20_000).toBeLessThan(0.02);
  });

  it("counts a small file's rows exactly and never says zero", async () => {
    expect(await estimateRows(new File(["a,b\n1,2\n3,4\n"], "f.csv"))).toBe(2);
    expect(await estimateRows(new File(["no newline"], "f.csv"))).toBe(1);
  });
});
