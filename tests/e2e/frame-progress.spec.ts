import { expect, test } from "@playwright/test";
import { signInAs } from "../support/e2e";
import { ROUND } from "../support/factories/names";

// A frame large enough that its import takes several seconds, so the bar can be seen moving
// (the import reports progress every 10,000 rows).
const ROWS = 40_000;

function frameCsv(): string {
  const units = ["so-noi-vu", "so-tu-phap", "huyen-tam-duong", "huyen-sin-ho"];
  const lines = ["dossier_code,unit_code,procedure,returned_at,name,phone,address"];
  for (let i = 0; i < ROWS; i++) {
    const day = String(1 + (i % 28)).padStart(2, "0");
    lines.push(
      `PROG-${i},${units[i % units.length]},Đăng ký khai sinh,2020-09-${day},Người ${i},09${10_000_000 + i},Bản ${i % 50}`,
    );
  }
  return lines.join("\n") + "\n";
}

test("a large frame upload shows a progress bar that moves, then its report", async ({
  context,
  page,
  baseURL,
}, testInfo) => {
  test.skip(
    testInfo.project.use.javaScriptEnabled === false,
    "the bar is drawn by JavaScript; without it the status line remains",
  );
  test.slow();
  await signInAs(context, "admin", baseURL!);
  await page.goto(`/admin/rounds/${ROUND}/frame`);
  await page
    .getByLabel("Tệp CSV danh sách hồ sơ")
    .setInputFiles({ name: "khung-mau.csv", mimeType: "text/csv", buffer: Buffer.from(frameCsv()) });
  await page.getByRole("button", { name: "Tải lên và kiểm tra" }).click();

  const bar = page.getByRole("progressbar");
  await expect(bar).toBeVisible();
  // The estimate from the file's first 64 KB is within a few per cent of the real count.
  const max = Number(await bar.getAttribute("max"));
  expect(Math.abs(max - ROWS) / ROWS).toBeLessThan(0.05);
  await expect(bar).not.toHaveAttribute("value", "0", { timeout: 60_000 });
  await expect(page.getByText(/đã xử lý 40\.000 dòng/)).toBeVisible({ timeout: 120_000 });
  await expect(bar).toBeHidden();
  // The list of uploads names the file as the admin chose it, not the temporary copy.
  await expect(page.getByRole("link", { name: "khung-mau.csv" })).toBeVisible();

  // Leave the demo round's frame as it was: discard this upload.
  const importId = new URL(page.url()).searchParams.get("import");
  expect(importId).toBeTruthy();
  const reply = await page.request.post(`/admin/rounds/${ROUND}/frame`, {
    form: { intent: "discard", importId: importId! },
    maxRedirects: 0,
  });
  expect(reply.status()).toBe(302);
});
