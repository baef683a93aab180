import { expect, test } from "@playwright/test";
import { signInAs } from "../support/e2e";
import { e2eDb } from "../support/e2e";
import { expectAccessible } from "./helpers";

// An admin creates a round of two units, imports a frame with bad rows, accepts it, draws
// the sample and substitutes a refusal: with JavaScript and without. Each run creates its
// own round (unique code), so the seeded Lai Châu 2020 round is never touched.

const PERIOD = { start: "2020-08-15", end: "2020-10-31" };

function frameCsv() {
  const lines = ["\uFEFFdossier_code;unit_code;procedure;returned_at;name;phone;address"];
  for (let i = 1; i <= 10; i++)
    lines.push(
      `NV-${String(i).padStart(3, "0")};so-noi-vu;Cấp giấy phép;2020-09-0${1 + (i % 9)};Người dân NV ${i};0912 000 ${String(i).padStart(3, "0")};Tam Đường`,
    );
  for (let i = 1; i <= 5; i++)
    lines.push(
      `YT-${String(i).padStart(3, "0")};so-y-te;Cấp chứng chỉ hành nghề;15/09/2020;Người dân YT ${i};+84 913 000 ${String(i).padStart(3, "0")};Phong Thổ`,
    );
  lines.push("XX-001;so-khong-co;Cấp phép;2020-09-01;Người lạ;0912999999;"); // line 17: unknown unit
  lines.push("NV-100;so-noi-vu;Cấp phép;2020-09-01;Không số;;"); // line 18: missing phone
  lines.push("NV-101;so-noi-vu;Cấp phép;2020-12-01;Muộn;0912999998;"); // line 19: outside the period
  lines.push("NV-001;so-noi-vu;Cấp phép;2020-09-01;Trùng;0912999997;"); // line 20: duplicate
  return Buffer.from(lines.join("\r\n") + "\r\n", "utf8");
}

test("create a round, import its frame, draw and substitute", async ({ context, page, baseURL }, testInfo) => {
  await signInAs(context, "admin", baseURL!);
  const code = `e2e-${testInfo.project.name}-${Date.now().toString(36)}`;

  await page.goto("/admin/rounds/new");
  await expect(page.getByRole("heading", { name: "Tạo đợt khảo sát", level: 1 })).toBeVisible();
  await expectAccessible(page, testInfo);
  await page.getByLabel("Mã đợt").fill(code);
  await page.getByLabel("Tên đợt khảo sát").fill("Đợt kiểm thử chọn mẫu");
  await page.getByLabel("Từ ngày").fill(PERIOD.start);
  await page.getByLabel("Đến ngày").fill(PERIOD.end);
  await page.getByLabel("Số kế hoạch").fill("99/KH-E2E");
  await page.getByLabel("Bộ câu hỏi").selectOption({ index: 1 });
  await page.getByRole("checkbox", { name: "Sở Nội vụ", exact: true }).check();
  await page.getByRole("checkbox", { name: "Sở Y tế", exact: true }).check();
  await page.getByLabel("Số hồ sơ (N) của Sở Nội vụ", { exact: true }).fill("200");
  await page.getByLabel("Số hồ sơ (N) của Sở Y tế", { exact: true }).fill("100");
  await page.getByLabel("Tổng cỡ mẫu (theo tỷ lệ)").fill("6");
  await page.getByLabel("Tối thiểu mỗi đơn vị", { exact: true }).fill("2");
  await page.getByRole("button", { name: "Tính phân bổ" }).click();
  const allocation = page.getByRole("table", { name: /Phân bổ mẫu/ });
  await expect(allocation.locator('tr[data-unit="so-noi-vu"] [data-testid="n"]')).toHaveText("4");
  await expect(allocation.locator('tr[data-unit="so-y-te"] [data-testid="n"]')).toHaveText("2");
  // What was typed survives the round trip (without JavaScript it is re-rendered).
  await expect(page.getByLabel("Mã đợt")).toHaveValue(code);
  await expectAccessible(page, testInfo);
  await page.getByRole("button", { name: "Lưu đợt khảo sát" }).click();

  await expect(page.getByRole("heading", { name: "Đợt kiểm thử chọn mẫu", level: 1 })).toBeVisible();
  await expect(page.getByTestId("round-status")).toHaveText("Bản nháp");
  await expect(page.locator('tr[data-unit="so-noi-vu"] [data-testid="n"]')).toHaveText("4");
  await expectAccessible(page, testInfo);
  await page.getByRole("button", { name: "Bắt đầu thu phiếu" }).click();
  await expect(page.getByTestId("round-status")).toHaveText("Đang thu phiếu");

  await page.getByRole("link", { name: "Danh sách hồ sơ (khung mẫu)" }).click();
  await expect(page.getByRole("heading", { name: "Danh sách hồ sơ (khung mẫu)", level: 1 })).toBeVisible();
  await expectAccessible(page, testInfo);
  await page
    .getByLabel("Tệp CSV danh sách hồ sơ")
    .setInputFiles({ name: "mot-cua.csv", mimeType: "text/csv", buffer: frameCsv() });
  await page.getByRole("button", { name: "Tải lên và kiểm tra" }).click();
  const report = page.getByTestId("frame-report");
  await expect(report.getByRole("status")).toContainText("15 hợp lệ, 4 lỗi");
  await expect(report.locator('tr[data-line="17"]')).toContainText("Đơn vị không thuộc đợt khảo sát");
  await expect(report.locator('tr[data-line="18"]')).toContainText("Thiếu số điện thoại");
  await expect(report.locator('tr[data-line="19"]')).toContainText("ngoài thời gian");
  await expect(report.locator('tr[data-line="20"]')).toContainText("trùng trong tệp");
  await expect(report).not.toContainText("Người dân");
  await expectAccessible(page, testInfo);
  await page.getByRole("button", { name: "Chấp nhận 15 hồ sơ hợp lệ" }).click();
  await expect(report.getByRole("status")).toContainText("Đã chấp nhận");

  await page.getByRole("link", { name: "Chọn mẫu ngẫu nhiên" }).click();
  await expect(page.getByRole("heading", { name: "Chọn mẫu ngẫu nhiên", level: 1 })).toBeVisible();
  await page.getByLabel("Hạt giống (để trống để hệ thống tạo)").fill("e2e-seed-1");
  await page.getByRole("button", { name: "Chọn mẫu", exact: true }).click();
  await expect(page.getByTestId("draw-seed")).toHaveText("e2e-seed-1");
  const noiVu = page.locator('section[data-unit="so-noi-vu"]');
  await expect(noiVu.locator('tr[data-group="main"]')).toHaveCount(4);
  await expect(noiVu.locator('tr[data-group="reserve"]')).toHaveCount(2);
  await expect(page.locator('section[data-unit="so-y-te"] tr[data-group="main"]')).toHaveCount(2);
  await expectAccessible(page, testInfo);

  const firstReserve = await noiVu.locator('tr[data-group="reserve"]').first().getAttribute("data-dossier");
  const refused = noiVu.locator('tr[data-group="main"]').first();
  const refusedDossier = await refused.getAttribute("data-dossier");
  await refused.getByRole("combobox").selectOption("refused");
  await refused.getByRole("textbox").fill("Bận việc gia đình");
  await refused.getByRole("button", { name: "Ghi nhận" }).click();
  await expect(noiVu.locator(`tr[data-dossier="${refusedDossier}"]`)).toContainText(`Thay bằng hồ sơ ${firstReserve}`);
  await expect(noiVu.locator(`tr[data-dossier="${firstReserve}"]`)).toHaveAttribute("data-group", "substitute");
  await expect(noiVu.locator('tr[data-group="reserve"]')).toHaveCount(1);
  await expectAccessible(page, testInfo);

  const [draw] = await e2eDb().draw.findMany({ where: { round: { code } }, select: { seed: true, fingerprint: true } });
  expect(draw.seed).toBe("e2e-seed-1");
  expect(draw.fingerprint).toMatch(/^[0-9a-f]{64}$/);
});
