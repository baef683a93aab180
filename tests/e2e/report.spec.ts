import { expect, test } from "@playwright/test";
import JSZip from "jszip";
import { readFile } from "node:fs/promises";
import { signInAs } from "../support/e2e";
import { CLOSED_ROUND, ROUND } from "../support/factories/names";
import { expectAccessible, jsEnabled } from "./helpers";

// The reform report: a viewer edits the generated text, saves it and downloads the .docx;
// the print page; regenerating; who may open it; the PAR INDEX rules. The saved text is
// per round, so each project works on its own round (the JavaScript one on Lai Châu 2020,
// the other on the closed fixture round), and the tests of one project run in order.
test.describe.configure({ mode: "serial" });

const roundOf = (testInfo: Parameters<Parameters<typeof test>[2]>[1]) => (jsEnabled(testInfo) ? ROUND : CLOSED_ROUND);
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
// After a save the page reloads its data: two rounds through the analysis, a few seconds
// on a loaded machine (docs/benchmarks.md, "Reform report exports").
const RELOAD = { timeout: 30_000 };

test("a viewer edits the report, saves it and downloads a .docx with the edit and the index", async ({
  context,
  page,
  baseURL,
}, testInfo) => {
  const round = roundOf(testInfo);
  await signInAs(context, "viewer", baseURL!);
  await page.goto(`/admin/rounds/${round}/report`);
  await expect(page.getByRole("heading", { level: 1, name: "Báo cáo kết quả đo lường sự hài lòng" })).toBeVisible();
  await expectAccessible(page, testInfo);

  const summary = await page.getByTestId("report-summary").innerText();
  const index = summary.match(/(\d+,\d{2})%/)?.[1] ?? null;
  if (round === ROUND) expect(index, summary).not.toBeNull();

  const box = page.getByLabel("Nội dung báo cáo");
  const text = await box.inputValue();
  expect(text).toContain("Thực hiện Kế hoạch số");
  const marker = `Câu do lãnh đạo bổ sung (${testInfo.project.name}).`;
  await box.fill(text.replace("Thực hiện Kế hoạch số", `${marker} Thực hiện Kế hoạch số`));
  await page.getByRole("button", { name: "Lưu văn bản" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã lưu văn bản báo cáo.", RELOAD);
  await expect(page.getByLabel("Nội dung báo cáo")).toHaveValue(new RegExp(escapeRegExp(marker)));

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Văn bản Word (.docx)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`bao-cao-hai-long-${round}.docx`);
  const zip = await JSZip.loadAsync(await readFile(await download.path()));
  const xml = await zip.file("word/document.xml")!.async("string");
  expect(xml.includes(marker), "the edited sentence").toBe(true);
  if (index) expect(xml.includes(`${index}%`), `the overall index ${index}%`).toBe(true);
});

test("the print page shows the saved text and the numbered tables, and passes axe", async ({
  context,
  page,
  baseURL,
}, testInfo) => {
  const round = roundOf(testInfo);
  await signInAs(context, "viewer", baseURL!);
  await page.goto(`/admin/rounds/${round}/report/print`);
  await expect(page.getByRole("heading", { level: 1, name: "Báo cáo kết quả đo lường sự hài lòng" })).toBeVisible();
  await expect(page.getByText(`Câu do lãnh đạo bổ sung (${testInfo.project.name}).`, { exact: false })).toBeVisible();
  await expect(page.locator("caption", { hasText: "Bảng 1. Chỉ số hài lòng của các cơ quan, đơn vị" })).toBeVisible();
  await expect(page.locator("caption", { hasText: "Bảng 2." })).toBeVisible();
  // The print stylesheet is served and allowed by the CSP (an inline <style> would not be).
  await expect(page.getByRole("heading", { level: 1 })).toHaveCSS("text-transform", "uppercase");
  await expectAccessible(page, testInfo);
});

test("regenerating asks for confirmation, then replaces the saved text", async ({
  context,
  page,
  baseURL,
}, testInfo) => {
  const round = roundOf(testInfo);
  await signInAs(context, "viewer", baseURL!);
  await page.goto(`/admin/rounds/${round}/report`);
  const marker = `Câu do lãnh đạo bổ sung (${testInfo.project.name}).`;
  await expect(page.getByLabel("Nội dung báo cáo")).toHaveValue(new RegExp(escapeRegExp(marker)));
  const confirm = page.getByRole("checkbox", { name: "Tôi hiểu rằng văn bản đã lưu sẽ bị thay thế" });
  if (jsEnabled(testInfo)) {
    await page.getByRole("button", { name: "Tạo lại văn bản" }).click();
    await expect(page.getByText("Đánh dấu ô xác nhận để tạo lại văn bản.")).toBeVisible();
  } else {
    // Without JavaScript the browser itself refuses the form until the box is ticked.
    await expect(confirm).toHaveAttribute("required", "");
  }
  await page.getByRole("checkbox", { name: "Tôi hiểu rằng văn bản đã lưu sẽ bị thay thế" }).check();
  await page.getByRole("button", { name: "Tạo lại văn bản" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã tạo lại văn bản từ số liệu.", RELOAD);
  await expect(page.getByLabel("Nội dung báo cáo")).not.toHaveValue(new RegExp(escapeRegExp(marker)));
  await expect(page.getByLabel("Nội dung báo cáo")).toHaveValue(/^Thực hiện Kế hoạch số/);
});

test("only readers of every unit may open the report and its files", async ({ context, page, baseURL }) => {
  // The supervisor's results are limited to two units; the report covers all of them.
  await signInAs(context, "supervisor", baseURL!);
  for (const path of [
    `/admin/rounds/${ROUND}/report`,
    `/admin/rounds/${ROUND}/report/print`,
    `/admin/rounds/${ROUND}/report/export/docx`,
  ]) {
    expect((await page.request.get(path, { maxRedirects: 0 })).status(), path).toBe(403);
  }
  await context.clearCookies();
  await signInAs(context, "viewer", baseURL!);
  const csv = await page.request.get(`/admin/rounds/${ROUND}/report/export/units.csv`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-disposition"]).toBe(
    `attachment; filename="bao-cao-hai-long-${ROUND}-units.csv"; filename*=UTF-8''bao-cao-hai-long-${ROUND}-units.csv`,
  );
  expect((await page.request.get(`/admin/rounds/${ROUND}/report/export/pdf`)).status()).toBe(404);
});

test("an admin previews and saves a PAR INDEX rule", async ({ context, page, baseURL }, testInfo) => {
  await signInAs(context, "admin", baseURL!);
  await page.goto("/admin/par-rules?year=2020");
  await expect(page.getByRole("heading", { level: 1, name: "Điểm PAR INDEX của chỉ số hài lòng" })).toBeVisible();
  await expect(page.locator('li[data-level="department"]')).toContainText(
    "Tuyến tính: 0 điểm khi ≤ 50%, 8 điểm khi ≥ 100%",
  );
  await expectAccessible(page, testInfo);

  // A year of its own per project, so the two projects do not overwrite each other.
  const year = jsEnabled(testInfo) ? "2041" : "2042";
  await page.getByLabel("Năm", { exact: true }).fill(year);
  await page.getByLabel("Cấp đơn vị").selectOption("commune");
  await page.getByRole("radio", { name: "Theo ngưỡng" }).check();
  await page.getByLabel("Ngưỡng 1: chỉ số từ (%)").fill("80");
  await page.getByLabel("Ngưỡng 1: số điểm").fill("2,5");
  await page.getByLabel("Ngưỡng 2: chỉ số từ (%)").fill("90");
  await page.getByLabel("Ngưỡng 2: số điểm").fill("");
  await page.getByRole("button", { name: "Xem thử" }).click();
  await expect(page.getByText("Ô này là bắt buộc với cách tính đã chọn.")).toBeVisible();
  await expect(page.getByLabel("Ngưỡng 1: số điểm")).toHaveValue("2,5");

  await page.getByLabel("Ngưỡng 2: số điểm").fill("4");
  await page.getByRole("button", { name: "Xem thử" }).click();
  // Example indices 50 … 100: below 80 → 0; 80, 85.48 → 2.5; 90, 95, 100 → 4.
  await expect(page.getByTestId("preview-points")).toHaveText([
    "0,00",
    "0,00",
    "0,00",
    "2,50",
    "2,50",
    "4,00",
    "4,00",
    "4,00",
  ]);

  await page.getByRole("button", { name: "Lưu quy tắc" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã lưu quy tắc.");
  await expect(page.locator('li[data-level="commune"]')).toContainText(
    "Theo ngưỡng: từ 80% được 2,5 điểm; từ 90% được 4 điểm",
  );
});
