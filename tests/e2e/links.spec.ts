import { expect, test } from "@playwright/test";
import { CLOSED_ROUND, ROUND, TOKENS } from "../support/factories/names";
import { answerStep, clickThrough, expectAccessible } from "./helpers";

test("an unknown invitation is a clear 404 page", async ({ page }, testInfo) => {
  const response = await page.goto("/i/NO-SUCH-TOKEN");
  expect(response?.status()).toBe(404);
  await expect(page.getByText("Mã mời khảo sát này không tồn tại")).toBeVisible();
  await expect(page.locator("body")).not.toContainText(/at .*\.(js|ts):\d+/);
  await expectAccessible(page, testInfo);
});

test("a used, an expired and a closed-round invitation are 410 Gone with the reason", async ({ page }) => {
  for (const [token, text] of [
    [TOKENS.used, "Mã mời này đã được dùng"],
    [TOKENS.expired, "Mã mời này đã hết hạn"],
    [TOKENS.closed, "đã kết thúc, không nhận thêm phiếu"],
  ]) {
    const response = await page.goto(`/i/${token}`);
    expect(response?.status(), token).toBe(410);
    await expect(page.getByText(text)).toBeVisible();
  }
});

test("a closed round's public link is 410, an unknown unit 404", async ({ page }) => {
  expect((await page.goto(`/s/${CLOSED_ROUND}/so-y-te`))?.status()).toBe(410);
  await expect(page.getByRole("heading", { name: "Không thể mở phiếu khảo sát" })).toBeVisible();
  expect((await page.goto(`/s/${ROUND}/khong-co-don-vi-nay`))?.status()).toBe(404);
  expect((await page.goto(`/khong-co-trang-nay`))?.status()).toBe(404);
});

test("an invitation opens its unit's survey once, then is used", async ({ page }, testInfo) => {
  const token = testInfo.project.use.javaScriptEnabled === false ? TOKENS.validSecond : TOKENS.valid;
  await page.goto(`/i/${token}`);
  await expect(page).toHaveURL(new RegExp(`/s/${ROUND}/so-y-te\\?invitation=${token}$`));
  await clickThrough(page, "Bắt đầu");
  while (!/\/review$/.test(page.url())) {
    await answerStep(page, "Hài lòng");
    await clickThrough(page, "Tiếp tục");
  }
  await page.getByRole("button", { name: "Gửi phiếu" }).click();
  await expect(page.getByRole("heading", { name: "Xin cảm ơn Ông/Bà!" })).toBeVisible();
  expect((await page.goto(`/i/${token}`))?.status()).toBe(410);
});
