import { expect, test } from "@playwright/test";
import { signInAs } from "../support/e2e";
import { e2eDb } from "../support/e2e";
import { expectAccessible } from "./helpers";

// The unit import as an admin meets it: a file from Excel (BOM, semicolons) with a bad row,
// a report naming the line, a corrected file, then accept. Codes carry the project name,
// because both projects share one database and must not see each other's units.

function csvFile(name: string, lines: string[]) {
  return { name, mimeType: "text/csv", buffer: Buffer.from("\uFEFF" + lines.join("\r\n"), "utf8") };
}

test("import units from CSV: line-numbered report, fix, accept; then merge two communes", async ({
  context,
  page,
  baseURL,
}, testInfo) => {
  const p = testInfo.project.name;
  await signInAs(context, "admin", baseURL!);
  await page.goto("/admin/units");
  await expect(page.getByRole("heading", { name: "Đơn vị hành chính", level: 1 })).toBeVisible();
  await expect(page.locator('tr[data-unit="so-noi-vu"]')).toContainText("Sở Nội vụ");
  await expectAccessible(page, testInfo);

  await page.getByRole("link", { name: "Nhập danh sách đơn vị từ tệp CSV" }).click();
  await expect(page.getByRole("heading", { name: "Nhập danh sách đơn vị từ tệp CSV" })).toBeVisible();
  const header = "code;name;level;parent_code;valid_from;valid_to";
  const good = [
    `e2e-huyen-${p};Huyện Kiểm Thử ${p};district;;2021-01-01;`,
    `e2e-xa-a-${p};Xã Thử A ${p};commune;e2e-huyen-${p};2021-01-01;`,
  ];
  await page
    .getByLabel("Tệp CSV")
    .setInputFiles(csvFile("units.csv", [header, ...good, `e2e-xa-b-${p};Xã Thử B ${p};commune;;2021-01-01;`]));
  await page.getByRole("button", { name: "Kiểm tra tệp" }).click();
  const bad = page.locator('tr[data-line="4"]');
  await expect(bad).toContainText("Xã, phường, thị trấn phải có đơn vị cấp trên");
  await expect(page.getByRole("button", { name: "Chấp nhận và lưu" })).toHaveCount(0);
  // The checked text comes back in the box, so nothing typed or uploaded is lost.
  await expect(page.getByLabel("Hoặc dán (hoặc sửa) nội dung CSV tại đây")).toHaveValue(/e2e-xa-b-/);
  await expectAccessible(page, testInfo);
  expect(await e2eDb().unit.findMany({ where: { code: `e2e-huyen-${p}` }, select: { id: true } })).toHaveLength(0);

  await page
    .getByLabel("Tệp CSV")
    .setInputFiles(
      csvFile("units.csv", [header, ...good, `e2e-xa-b-${p};Xã Thử B ${p};commune;e2e-huyen-${p};2021-01-01;`]),
    );
  await page.getByRole("button", { name: "Kiểm tra tệp" }).click();
  await expect(page.getByText("Không có dòng nào bị lỗi.")).toBeVisible();
  await expect(page.getByRole("table", { name: "Xem trước: 3 đơn vị mới, 0 đơn vị cập nhật" })).toBeVisible();
  await page.getByRole("button", { name: "Chấp nhận và lưu" }).click();
  await expect(page.getByText("Đã nhập danh sách đơn vị.")).toBeVisible();
  await expect(page.locator(`tr[data-unit="e2e-xa-b-${p}"]`)).toContainText(`Huyện Kiểm Thử ${p}`);

  await page.goto("/admin/units/reorganise");
  await expectAccessible(page, testInfo);
  await page.getByLabel("Mã các đơn vị bị sáp nhập").fill(`e2e-xa-a-${p}, e2e-xa-b-${p}`);
  await page.getByLabel("Ngày sáp nhập (đơn vị kế thừa có hiệu lực từ ngày này)").fill("2025-07-01");
  await page.getByLabel("Mã đơn vị kế thừa").fill(`e2e-xa-moi-${p}`);
  await page.getByLabel("Tên đơn vị kế thừa (nếu là đơn vị mới)").fill(`Xã Mới ${p}`);
  await page.getByLabel("Cấp", { exact: true }).selectOption("commune");
  await page.getByLabel("Mã đơn vị cấp trên (huyện)").fill(`e2e-huyen-${p}`);
  await page.getByRole("button", { name: "Sáp nhập", exact: true }).click();
  await expect(page.getByText("Đã ghi nhận việc sắp xếp đơn vị.")).toBeVisible();
  await expect(page.locator(`tr[data-unit="e2e-xa-a-${p}"]`)).toContainText(`Xã Mới ${p} (e2e-xa-moi-${p})`);
});

test("editing a unit keeps what was typed when the parent is wrong", async ({ context, page, baseURL }, testInfo) => {
  await signInAs(context, "admin", baseURL!);
  const [unit] = await e2eDb().unit.findMany({ where: { code: "so-noi-vu" }, select: { id: true } });
  await page.goto(`/admin/units/${unit.id}`);
  await page.getByLabel("Mã đơn vị cấp trên (huyện)").fill("so-tu-phap");
  await page.getByRole("button", { name: "Lưu" }).click();
  await expect(page.getByText("Đơn vị cấp trên “so-tu-phap” không phải là huyện.")).toBeVisible();
  await expect(page.getByLabel("Mã đơn vị cấp trên (huyện)")).toHaveValue("so-tu-phap");
  await expect(page.getByLabel("Mã đơn vị cấp trên (huyện)")).toHaveAttribute("aria-describedby", /.+/);
  await expectAccessible(page, testInfo);
});
