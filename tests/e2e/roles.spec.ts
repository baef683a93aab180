import { expect, test } from "@playwright/test";
import { ADMIN_ROUTES } from "../../app/features/auth/admin-routes";
import { roleCan, ROLES } from "../../app/domain/auth/permissions";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, signInAs } from "./auth";
import { ROUND } from "./fixture-data";

// The role matrix: every staff page, opened by every role. A page the role may use answers
// 200; the others 403. Without a session every page sends the person to sign in.

for (const role of ROLES) {
  test(`role matrix: ${role}`, async ({ context, page, baseURL }) => {
    await signInAs(context, role, baseURL!);
    for (const route of ADMIN_ROUTES) {
      const path = route.path.replace("$round", ROUND);
      const response = await page.request.get(path, { maxRedirects: 0 });
      const allowed = route.permission === null || roleCan(role, route.permission);
      expect(response.status(), `${role} ${path}`).toBe(allowed ? 200 : 403);
    }
  });
}

test("without a session every staff page redirects to sign-in", async ({ page }) => {
  for (const route of ADMIN_ROUTES) {
    const path = route.path.replace("$round", ROUND);
    const response = await page.request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(302);
    expect(response.headers().location).toMatch(/^\/login\?redirectTo=/);
  }
});

test("sign-in with the form, wrong password message, sign out", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Thư điện tử").fill(DEMO_ACCOUNTS.viewer);
  await page.getByLabel("Mật khẩu").fill("sai-mat-khau");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByRole("alert")).toHaveText("Thư điện tử hoặc mật khẩu không đúng.");
  await expect(page.getByLabel("Thư điện tử")).toHaveValue(DEMO_ACCOUNTS.viewer);
  await page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByRole("heading", { name: "Quản trị", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Đăng xuất" }).click();
  await expect(page.getByRole("link", { name: "Đăng nhập" })).toBeVisible();
  expect((await page.request.get("/admin", { maxRedirects: 0 })).status()).toBe(302);
});
