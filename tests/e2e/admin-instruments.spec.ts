import { expect, test } from "@playwright/test";
import { signInAs } from "../support/e2e";
import { e2eDb } from "../support/e2e";
import { expectAccessible } from "./helpers";

// Questionnaire versions: the seeded SIPAS-2640 v1 is frozen (the demo round has answers),
// so the test clones it and edits the clone; v1 only gets checked, never changed.

/** The exported CSV with a Mông (hmn) column filled for every text. */
function withHmong(csv: string) {
  const lines = csv
    .replace(/^\uFEFF/, "")
    .split("\r\n")
    .filter(Boolean);
  return [`${lines[0]},hmn`, ...lines.slice(1).map((l) => `${l},"Hmoob ${l.split(",")[0]}"`)].join("\r\n");
}

test("clone v1, reorder an item, export and import a Mông translation", async ({
  context,
  page,
  baseURL,
}, testInfo) => {
  await signInAs(context, "admin", baseURL!);
  await page.goto("/admin/instruments");
  await expect(page.locator('tr[data-instrument="SIPAS-2640@1"]')).toContainText("Đã khóa");
  await expectAccessible(page, testInfo);

  await page.getByRole("button", { name: "Nhân bản SIPAS-2640 v1" }).click();
  await expect(page.getByText("Đã lưu.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/SIPAS-2640 v\d+/);
  await expectAccessible(page, testInfo);
  const draftUrl = new URL(page.url()).pathname;

  await page.getByRole("button", { name: "Xuống (c01)" }).click();
  await expect(page.locator('section[aria-labelledby="section-E1"] li[data-item]').first()).toHaveAttribute(
    "data-item",
    "c02",
  );

  // Edit an item of the draft: an empty Vietnamese text is refused next to the field, the rest kept.
  await page.getByRole("link", { name: "Sửa c02" }).click();
  // With JavaScript the version page (which has its own "Nội dung (vi)" field) stays on
  // screen until the edit page is drawn: wait for it.
  await page.waitForURL(/\/items\/c02$/);
  await page.locator(`main[data-route="${new URL(page.url()).pathname}"]`).waitFor();
  await page.getByLabel("Nội dung (vi)").fill("");
  await page.getByLabel("Nội dung (en)").fill("Modern equipment, edited");
  await page.getByRole("button", { name: "Lưu" }).click();
  await expect(page.getByText("Xin nhập nội dung tiếng Việt.")).toBeVisible();
  await expect(page.getByLabel("Nội dung (en)")).toHaveValue("Modern equipment, edited");
  await expectAccessible(page, testInfo);
  await page.getByLabel("Nội dung (vi)").fill("Trang thiết bị hiện đại (đã sửa)");
  // After the refused save, the loader's revalidation can re-render the form and put the
  // box back to its saved state just after a click: retry until it holds.
  const required = page.getByLabel("Bắt buộc trả lời");
  await page.waitForLoadState("networkidle");
  await expect(async () => {
    await required.uncheck();
    await expect(required).not.toBeChecked();
  }).toPass({ timeout: 15_000 });
  await page.getByRole("button", { name: "Lưu" }).click();
  await expect(page.locator('li[data-item="c02"] dd[lang="vi"]')).toHaveText("Trang thiết bị hiện đại (đã sửa)");
  await expect(page.locator('li[data-item="c02"]')).toContainText("không bắt buộc");

  const exported = await page.request.get(`${draftUrl}/export`);
  expect(exported.headers()["content-type"]).toContain("text/csv");
  const csv = await exported.text();
  expect(csv).toMatch(/^\uFEFFkey,vi,en\r\n/);
  expect(csv).toContain("item.p01.option.male,Nam,Male");

  await page.getByRole("link", { name: "Nhập bản dịch từ CSV" }).click();
  await page
    .getByLabel("Tệp CSV")
    .setInputFiles({ name: "hmn.csv", mimeType: "text/csv", buffer: Buffer.from(withHmong(csv), "utf8") });
  await page.getByRole("button", { name: "Kiểm tra tệp" }).click();
  await expect(page.locator('tr[data-language="hmn"]')).toContainText("Đầy đủ");
  await expectAccessible(page, testInfo);
  await page.getByRole("button", { name: "Chấp nhận và lưu bản dịch" }).click();
  await expect(page.getByText("Ngôn ngữ đầy đủ: vi, en, hmn")).toBeVisible();
  await expect(page.locator('li[data-item="c01"] dd[lang="hmn"]')).toHaveText("Hmoob item.c01.text");
});

test("a frozen version shows no edit buttons and refuses changed texts", async ({
  context,
  page,
  baseURL,
}, testInfo) => {
  await signInAs(context, "admin", baseURL!);
  const [v1] = await e2eDb().instrument.findMany({ where: { code: "SIPAS-2640", version: 1 }, select: { id: true } });
  await page.goto(`/admin/instruments/${v1.id}`);
  await expect(page.getByText("Phiên bản đã khóa (đã có phiếu trả lời).")).toBeVisible();
  await expect(page.getByRole("button", { name: /Xuống/ })).toHaveCount(0);
  await expectAccessible(page, testInfo);

  await page.goto(`/admin/instruments/${v1.id}/translations`);
  await page.getByLabel("Hoặc dán (hoặc sửa) nội dung CSV tại đây").fill("key,vi\nitem.c01.text,Câu hỏi đã đổi");
  await page.getByRole("button", { name: "Kiểm tra tệp" }).click();
  await expect(
    page.getByText("Phiên bản đã khóa: tệp sửa 1 nội dung đã có nên bị từ chối.", { exact: false }),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Chấp nhận và lưu bản dịch" })).toHaveCount(0);

  const edit = await page.request.post(`/admin/instruments/${v1.id}`, { form: { intent: "down", code: "c01" } });
  expect(edit.status()).toBe(409);
});
