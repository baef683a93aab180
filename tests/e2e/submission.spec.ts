import { expect, test } from "@playwright/test";
import { ROUND } from "../support/factories/names";
import { e2eDb } from "../support/e2e";
import { answerToReview, jsEnabled } from "./helpers";

const countSubmitted = (unit: string) =>
  e2eDb().response.count({ where: { unit: { code: unit }, status: "submitted" } });

test("sending twice (double tap, retry after a timeout) stores exactly one response", async ({ page }, testInfo) => {
  const unit = jsEnabled(testInfo) ? "so-tai-chinh" : "so-giao-duc-dao-tao";
  await answerToReview(page, ROUND, unit);
  const before = await countSubmitted(unit);

  // Two posts of the same review form at once, sharing the page's cookies, as a double
  // tap or a browser retry sends them; then the button itself.
  const [first, second] = await Promise.all([
    page.request.post(page.url(), { form: {}, maxRedirects: 0 }),
    page.request.post(page.url(), { form: {}, maxRedirects: 0 }),
  ]);
  expect([first.status(), second.status()]).toEqual([302, 302]);
  expect(first.headers().location).toMatch(/\/done$/);
  expect(second.headers().location).toMatch(/\/done$/);
  await page.getByRole("button", { name: "Gửi phiếu" }).click();
  await expect(page.getByRole("heading", { name: "Xin cảm ơn Ông/Bà!" })).toBeVisible();

  expect(await countSubmitted(unit)).toBe(before + 1);

  // Back to the start link and resubmit: the person is told it was sent, nothing new stored.
  await page.goto(`/s/${ROUND}/${unit}`);
  await expect(page.getByRole("heading", { name: "Ông/Bà đã gửi phiếu này" })).toBeVisible();
  await page.goBack();
  expect(await countSubmitted(unit)).toBe(before + 1);
});

test("starting twice with the same client id makes one questionnaire", async ({ page }) => {
  const unit = "so-lao-dong-tbxh";
  await page.goto(`/s/${ROUND}/${unit}`);
  const responseId = await page.locator('input[name="responseId"]').getAttribute("value");
  expect(responseId).toMatch(/^[0-9a-f-]{36}$/);
  const form = { responseId: responseId!, language: "vi" };
  const replies = await Promise.all([
    page.request.post(page.url(), { form, maxRedirects: 0 }),
    page.request.post(page.url(), { form, maxRedirects: 0 }),
  ]);
  expect(replies.map((r) => r.status())).toEqual([302, 302]);
  const rows = [{ n: await e2eDb().response.count({ where: { id: responseId! } }) }];
  expect(rows[0].n).toBe(1);
});
