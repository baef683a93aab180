import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "../support/e2e";
import { e2eDb } from "../support/e2e";
import { expectAccessible, jsEnabled, readUnitResult } from "./helpers";
import { CONTACT, receiptOf, REVIEW_ROUNDS, REVIEW_UNIT } from "../support/factories/names";

// Supervisor review and back-checks (issue 5). Each project works on its own round
// (tests/support/factories/e2e-seed.ts), so the two never see each other's decisions. In order: the
// back-check draws from what is left after the rejection.
test.describe.configure({ mode: "serial" });

const REASON = "Người trả lời không xác nhận đã được phỏng vấn";
const NOTE = "Người dân nói chỉ được hỏi hai câu";

/** With JavaScript, conform validates in the browser once the form is hydrated (it then sets novalidate). */
async function formReady(page: Page, id: string, js: boolean) {
  if (js) await expect(page.locator(`form#${id}`)).toHaveAttribute("novalidate", "");
}

test("a supervisor filters the flagged interviews and rejects one with a reason: it leaves the index", async ({
  page,
  context,
  baseURL,
}, testInfo) => {
  test.setTimeout(180_000);
  const js = jsEnabled(testInfo);
  const round = js ? REVIEW_ROUNDS.js : REVIEW_ROUNDS.nojs;
  const tooFast = receiptOf(round, 1);
  const before = await readUnitResult(page, round, REVIEW_UNIT);
  await signInAs(context, "supervisor", baseURL!);

  // The way in: the admin menu, then the round among those to review.
  await page.goto("/admin");
  await page.getByRole("link", { name: "Kiểm tra phiếu, phúc tra" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Kiểm tra phiếu theo đợt khảo sát" })).toBeVisible();
  await page
    .locator("li.card", { has: page.getByRole("heading", { name: `Kiểm tra phiếu phỏng vấn (kiểm thử ${round})` }) })
    .getByRole("link", { name: "Kiểm tra phiếu phỏng vấn" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Kiểm tra phiếu phỏng vấn" })).toBeVisible();
  await expectAccessible(page, testInfo);
  const enumeratorRow = page.getByRole("region", { name: "Theo điều tra viên" }).locator('tr[data-row="Lò Văn Điều"]');
  await expect(enumeratorRow.getByTestId("tally-pending")).toHaveText("3");
  await expect(enumeratorRow.getByTestId("tally-flagged")).toHaveText("2");
  await expect(page.getByTestId("pending-flagged")).toContainText(
    "2 phiếu có cảnh báo đang chờ kiểm tra và hiện vẫn được tính vào chỉ số",
  );

  // Only the flagged pending ones.
  await page.getByLabel("Trạng thái", { exact: true }).selectOption("pending");
  await page.getByLabel("Cảnh báo", { exact: true }).selectOption("any");
  await page.getByRole("button", { name: "Lọc" }).click();
  await page.waitForURL(/flag=any/);
  await expect(page.getByTestId("review-showing")).toHaveText("Phiếu 1–2 trong 2");
  const row = page.locator("tr", { has: page.getByRole("link", { name: `Xem phiếu ${tooFast}` }) });
  await expect(row).toContainText("Quá nhanh: 1,2 giây/câu (ngưỡng 2)");
  await expect(page.locator("tbody tr", { hasText: "Trả lời một kiểu: mọi tiêu chí đều là 5 (22 câu)" })).toHaveCount(
    1,
  );

  // The interview: questions from the instrument, flags, and never the respondent's name.
  await row.getByRole("link", { name: `Xem phiếu ${tooFast}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Phiếu ${tooFast}` })).toBeVisible();
  const detailUrl = page.url();
  await expect(page.getByText("Nơi ngồi chờ tại Bộ phận tiếp nhận và trả kết quả có đủ chỗ ngồi")).toBeVisible();
  await expect(page.getByTestId("flag-list")).toContainText("Quá nhanh: 1,2 giây/câu (ngưỡng 2)");
  await expect(page.getByText(CONTACT.name)).toHaveCount(0);
  await expectAccessible(page, testInfo);

  // A reason that is too short: a Vietnamese message, and what was typed is kept.
  const message = "Xin ghi lý do loại phiếu (ít nhất 5 ký tự).";
  if (js) {
    await formReady(page, "reject", js);
    await page.getByLabel("Lý do loại phiếu").fill("Sai");
    await page.getByRole("button", { name: "Loại phiếu" }).click();
  } else {
    // Without JavaScript the browser's own minlength check would stop the form; a browser
    // that ignores it posts it as is. Post exactly that.
    const response = await page.request.post(page.url(), {
      form: { intent: "reject", reason: "Sai" },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(400);
    await page.setContent(await response.text());
  }
  await expect(page.getByText(message)).toBeVisible();
  await expect(page.getByLabel("Lý do loại phiếu")).toHaveValue("Sai");
  await expect(page.getByLabel("Lý do loại phiếu")).toHaveAttribute("aria-invalid", "true");
  if (!js) await page.goto(detailUrl);

  await page.getByLabel("Lý do loại phiếu").fill(REASON);
  await page.getByRole("button", { name: "Loại phiếu" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã loại phiếu; phiếu không còn được tính vào chỉ số.");
  await expect(page.getByTestId("review-status")).toHaveText("Trạng thái hiện tại: Đã loại");
  await expect(page.getByText(`Lý do loại: ${REASON}`)).toBeVisible();
  const [stored] = await e2eDb().response.findMany({
    where: { receiptCode: tooFast },
    select: { id: true, reviewStatus: true, reviewReason: true },
  });
  expect(stored).toMatchObject({ reviewStatus: "rejected", reviewReason: REASON });
  expect(
    await e2eDb().auditEntry.findMany({
      where: { action: "review.reject", entityId: stored.id },
      select: { id: true },
    }),
  ).toHaveLength(1);

  await page.getByRole("link", { name: "Về danh sách phiếu" }).click();
  await expect(page.getByTestId("excluded-count")).toHaveText("1 phiếu bị loại sau kiểm tra (không tính vào chỉ số).");

  // The unit's n goes down by one; the rejected "all 1" interview no longer pulls the index down.
  const after = await readUnitResult(page, round, REVIEW_UNIT);
  expect(after.n).toBe(before.n - 1);
  expect(after.index).toBeGreaterThan(before.index);
  await expect(page.getByTestId("excluded-count")).toHaveText("1 phiếu bị loại sau kiểm tra (không tính vào chỉ số).");
});

test("a back-check is drawn with a typed seed and a mismatch recorded with a note", async ({
  page,
  context,
  baseURL,
}, testInfo) => {
  test.setTimeout(180_000);
  const js = jsEnabled(testInfo);
  const round = js ? REVIEW_ROUNDS.js : REVIEW_ROUNDS.nojs;
  await signInAs(context, "supervisor", baseURL!);
  await page.goto(`/admin/rounds/${round}/backchecks`);
  await expect(page.getByRole("heading", { level: 1, name: "Phúc tra phiếu phỏng vấn" })).toBeVisible();
  await expectAccessible(page, testInfo);
  await formReady(page, "draw", js);
  await page.getByLabel("Tỷ lệ phúc tra (%)").fill("50");
  await page.getByLabel("Hạt giống ngẫu nhiên (không bắt buộc)").fill("e2e-phuc-tra");
  await page.getByRole("button", { name: "Rút phiếu" }).click();
  // Three interviews are left after the rejection: ⌈50% × 3⌉ = 2.
  await expect(page.getByRole("status")).toHaveText("Đã rút 2 phiếu, hạt giống e2e-phuc-tra.");
  const summary = page
    .getByRole("region", { name: "Tổng hợp theo điều tra viên" })
    .locator('tr[data-enumerator="Lò Văn Điều"]');
  await expect(summary.getByTestId("bc-drawn")).toHaveText("2");
  for (const contact of await page.getByTestId("bc-contact").allInnerTexts()) {
    expect([`${CONTACT.name} — ${CONTACT.phone}`, "khách vãng lai — không có liên hệ"]).toContain(contact);
  }
  await expectAccessible(page, testInfo);

  // A mismatch needs a note; then it is saved and suggests rejecting the interview.
  const card = page.locator("li[data-backcheck]").first();
  const receipt = await card.getAttribute("data-backcheck");
  await formReady(page, (await card.locator("form").getAttribute("id"))!, js);
  await card.getByLabel("Kết quả cuộc gọi").selectOption("mismatch");
  await card.getByRole("button", { name: "Lưu kết quả" }).click();
  const checkedCard = page.locator(`li[data-backcheck="${receipt}"]`);
  await expect(checkedCard.getByText("Khi không khớp, xin ghi rõ điều gì không khớp.")).toBeVisible();
  await checkedCard.getByLabel("Ghi chú").fill(NOTE);
  await checkedCard.getByRole("button", { name: "Lưu kết quả" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã lưu kết quả phúc tra.");
  await expect(checkedCard.getByTestId("bc-result")).toHaveText("Không khớp");
  await expect(summary.getByTestId("bc-checked")).toHaveText("1");
  await expect(summary.getByTestId("bc-mismatches")).toHaveText("1");
  await expect(checkedCard.getByRole("link", { name: `Không khớp: xem xét loại phiếu ${receipt}` })).toBeVisible();
  const checks = await e2eDb().backCheck.findMany({
    where: { round: { code: round } },
    select: { seed: true, result: true, note: true },
  });
  expect(checks.map((c) => c.seed)).toEqual(["e2e-phuc-tra", "e2e-phuc-tra"]);
  expect(checks.filter((c) => c.result === "mismatch" && c.note === NOTE)).toHaveLength(1);
});
