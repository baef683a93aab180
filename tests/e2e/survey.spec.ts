import { expect, test } from "@playwright/test";
import { ROUND } from "../support/factories/names";
import { e2eDb } from "../support/e2e";
import { answerStep, clickThrough, expectAccessible, jsEnabled, readUnitResult } from "./helpers";

// Each project submits to its own unit, so parallel runs do not disturb each other's counts.
const unitFor = (js: boolean) => (js ? "so-cong-thuong" : "so-xay-dung");

test("a citizen completes the survey on a phone and the unit's n and index change", async ({ page }, testInfo) => {
  // Fourteen pages, the distinct ones checked by axe: more than the default minute on a shared 2-core machine.
  test.slow();
  const unit = unitFor(jsEnabled(testInfo));
  const before = await readUnitResult(page, ROUND, unit);

  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Các đợt khảo sát" })).toBeVisible();
  await expectAccessible(page, testInfo);
  // Other specs add rounds of their own: pick the Lai Châu 2020 card.
  const card = page.getByRole("listitem").filter({ hasText: "Khảo sát sự hài lòng tỉnh Lai Châu năm 2020" });
  await card.getByRole("link", { name: "Trả lời khảo sát" }).click();
  await expectAccessible(page, testInfo);
  await page.getByRole("link", { name: unit === "so-cong-thuong" ? "Sở Công Thương" : "Sở Xây dựng" }).click();

  await expect(page.getByRole("heading", { name: "Phiếu khảo sát sự hài lòng" })).toBeVisible();
  await expectAccessible(page, testInfo);
  await page.getByRole("radio", { name: "Tiếng Việt" }).check();
  await clickThrough(page, "Bắt đầu");

  // Profile, five elements, expectations, comment: every distinct step checked by axe, then
  // answered. The five element steps are one page (the same grid of likert questions, other
  // texts), so E1 is checked for all five (~2 s per check on CI's 2 cores).
  const steps = ["profile", "E1", "E2", "E3", "E4", "E5", "expectations", "comment"];
  const sameAsE1 = new Set(["E2", "E3", "E4", "E5"]);
  for (const [i, step] of steps.entries()) {
    await expect(page).toHaveURL(new RegExp(`/s/${ROUND}/${unit}/${step}$`));
    await expect(page.getByText(`Bước ${i + 1}/9`)).toBeVisible();
    if (!sameAsE1.has(step)) await expectAccessible(page, testInfo);
    await answerStep(page);
    if (step === "comment") await page.getByRole("textbox").fill("Cán bộ hướng dẫn tận tình.");
    await clickThrough(page, "Tiếp tục");
  }

  await expect(page.getByRole("heading", { name: "Xem lại câu trả lời" })).toBeVisible();
  await expect(page.getByText("Cán bộ hướng dẫn tận tình.")).toBeVisible();
  await expectAccessible(page, testInfo);
  await clickThrough(page, "Gửi phiếu");

  await expect(page.getByRole("heading", { name: "Xin cảm ơn Ông/Bà!" })).toBeVisible();
  const receipt = await page.getByTestId("receipt").innerText();
  expect(receipt).toMatch(/^HL-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
  await expectAccessible(page, testInfo);

  const stored = (
    await e2eDb().response.findMany({
      where: { receiptCode: receipt },
      select: {
        status: true,
        mode: true,
        _count: { select: { answers: { where: { itemCode: { startsWith: "c" } } } } },
      },
    })
  ).map(({ status, mode, _count }) => ({ status, mode, answers: _count.answers }));
  expect(stored).toEqual([{ status: "submitted", mode: "online", answers: 22 }]);

  const after = await readUnitResult(page, ROUND, unit);
  expect(after.n).toBe(before.n + 1);
  // All 22 criteria answered "Rất hài lòng": the unit's index can only rise.
  expect(after.index).toBeGreaterThan(before.index);
  // The results page itself is checked by axe in dashboard.spec.ts.
});

test("the survey speaks English when the citizen chooses it", async ({ page }) => {
  await page.goto(`/s/${ROUND}/so-tu-phap`);
  await page.getByRole("radio", { name: "English" }).check();
  await clickThrough(page, "Bắt đầu");
  await expect(page.getByText("Step 1 of 9")).toBeVisible();
  await expect(page.getByRole("button", { name: "Continue" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test("a missing answer returns the step with a Vietnamese message and keeps every answer", async ({
  page,
}, testInfo) => {
  await page.goto(`/s/${ROUND}/so-ke-hoach-dau-tu`);
  await clickThrough(page, "Bắt đầu");
  await answerStep(page);
  await clickThrough(page, "Tiếp tục");
  await expect(page).toHaveURL(/\/E1$/);

  // Answer the first three criteria of E1, leave the fourth.
  const groups = page.getByRole("radiogroup");
  await groups.nth(0).getByRole("radio", { name: "Hài lòng", exact: true }).check();
  await groups.nth(1).getByRole("radio", { name: "Không hài lòng", exact: true }).check();
  await groups.nth(2).getByRole("radio", { name: "Không áp dụng / không có ý kiến" }).check();
  const message = "Xin chọn một câu trả lời cho câu này.";

  if (jsEnabled(testInfo)) {
    // The same zod schema runs in the browser: the message appears without a round trip.
    await page.getByRole("button", { name: "Tiếp tục" }).click();
  } else {
    // Without JavaScript the browser's own `required` check would stop the form; a browser
    // that ignores it (old proxy browsers do) posts the form as is. Post exactly that.
    const form = Object.fromEntries([
      ["c01", "4"],
      ["c02", "2"],
      ["c03", "9"],
      ["intent", "next"],
    ]);
    const response = await page.request.post(page.url(), { form, maxRedirects: 0 });
    expect(response.status()).toBe(400);
    await page.setContent(await response.text());
  }
  const fourth = page.getByRole("radiogroup").nth(3);
  await expect(fourth).toHaveAccessibleDescription(message);
  await expect(page.getByText(message)).toHaveCount(1);
  await expect(page.getByRole("alert").first()).toBeVisible();
  await expect(page.getByRole("radiogroup").nth(0).getByRole("radio", { name: "Hài lòng", exact: true })).toBeChecked();
  await expect(
    page.getByRole("radiogroup").nth(1).getByRole("radio", { name: "Không hài lòng", exact: true }),
  ).toBeChecked();
  await expect(
    page.getByRole("radiogroup").nth(2).getByRole("radio", { name: "Không áp dụng / không có ý kiến" }),
  ).toBeChecked();
  await expect(page).toHaveURL(/\/E1$/);
  await expectAccessible(page, testInfo);
});

test("a reload or a new visit to the same link resumes where the person left off", async ({ page, context }) => {
  await page.goto(`/s/${ROUND}/so-tai-nguyen-moi-truong`);
  await clickThrough(page, "Bắt đầu");
  await answerStep(page);
  await clickThrough(page, "Tiếp tục");
  await answerStep(page, "Bình thường");
  await clickThrough(page, "Tiếp tục");
  await expect(page).toHaveURL(/\/E2$/);

  await page.reload();
  await expect(page).toHaveURL(/\/E2$/);

  // The browser closed and opened the same link again later: same cookie jar, new page.
  await page.close();
  const again = await context.newPage();
  await again.goto(`/s/${ROUND}/so-tai-nguyen-moi-truong`);
  await expect(again).toHaveURL(/\/E2$/);
  await clickThrough(again, "Quay lại");
  await expect(again).toHaveURL(/\/E1$/);
  for (const group of await again.getByRole("radiogroup").all()) {
    await expect(group.getByRole("radio", { name: "Bình thường" })).toBeChecked();
  }
});
