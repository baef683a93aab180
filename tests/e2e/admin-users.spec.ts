import { expect, test } from "@playwright/test";
import { signInAs } from "../support/e2e";
import { e2eDb } from "../support/e2e";
import { expectAccessible, jsEnabled } from "./helpers";

test("an admin creates an enumerator, the form keeps input on error, and a lost phone is signed out", async ({
  context,
  page,
  baseURL,
  browser,
}, testInfo) => {
  await signInAs(context, "admin", baseURL!);
  const email = `dtv-${jsEnabled(testInfo) ? "js" : "nojs"}-${Date.now()}@hailong.test`;
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { name: "Người dùng", level: 1 })).toBeVisible();
  await expectAccessible(page, testInfo);

  await page.getByLabel("Thư điện tử").fill(email);
  await page.getByLabel("Họ và tên").fill("Giàng A Páo");
  await page.getByLabel("Mật khẩu").fill("ngan");
  await page.getByLabel("Vai trò").selectOption("enumerator");
  await page.getByRole("checkbox", { name: "Huyện Sìn Hồ" }).check();
  if (jsEnabled(testInfo)) {
    await page.getByRole("button", { name: "Tạo tài khoản" }).click();
  } else {
    // Without JavaScript the browser's minlength check stops the form; post what it holds.
    const form = { email, name: "Giàng A Páo", password: "ngan", role: "enumerator" };
    const reply = await page.request.post("/admin/users", { form, maxRedirects: 0 });
    expect(reply.status()).toBe(400);
    await page.setContent(await reply.text());
  }
  await expect(page.getByText("Mật khẩu cần ít nhất 10 ký tự.")).toBeVisible();
  await expect(page.getByLabel("Họ và tên")).toHaveValue("Giàng A Páo");
  await expect(page.getByLabel("Thư điện tử")).toHaveValue(email);

  await page.goto("/admin/users");
  await page.getByLabel("Thư điện tử").fill(email);
  await page.getByLabel("Họ và tên").fill("Giàng A Páo");
  await page.getByLabel("Mật khẩu").fill("mat-khau-du-dai");
  await page.getByLabel("Vai trò").selectOption("enumerator");
  await page.getByRole("checkbox", { name: "Huyện Sìn Hồ" }).check();
  await page.getByRole("button", { name: "Tạo tài khoản" }).click();
  await expect(page.getByRole("status")).toHaveText(`Đã tạo tài khoản ${email}.`);

  // The enumerator signs in on a phone; the admin then ends that phone's sessions.
  const phone = await browser.newContext();
  const phonePage = await phone.newPage();
  await phonePage.goto(`${baseURL}/login`);
  await phonePage.getByLabel("Thư điện tử").fill(email);
  await phonePage.getByLabel("Mật khẩu").fill("mat-khau-du-dai");
  await phonePage.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(phonePage.getByRole("heading", { name: "Quản trị", level: 1 })).toBeVisible();

  await page.getByRole("link", { name: `Sửa ${email}` }).click();
  await expect(page.getByRole("heading", { name: `Sửa tài khoản ${email}` })).toBeVisible();
  await expectAccessible(page, testInfo);
  await page.getByRole("button", { name: "Đăng xuất khỏi mọi thiết bị (mất điện thoại)" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã kết thúc 1 phiên đăng nhập.");

  expect((await phonePage.request.get(`${baseURL}/admin`, { maxRedirects: 0 })).status()).toBe(302);
  await phone.close();

  const users = await e2eDb().user.findMany({ where: { email }, select: { id: true } });
  const audit = await e2eDb().auditEntry.findMany({
    where: { entityId: { in: users.map((u) => u.id) } },
    orderBy: { at: "asc" },
    select: { action: true, after: true },
  });
  expect(audit.map((a) => a.action)).toEqual(["create", "end-sessions"]);
  expect(audit[0].after).not.toContain("passwordHash");
  expect(audit[0].after).not.toContain("mat-khau");

  await page.goto("/admin/audit");
  await expect(page.getByRole("heading", { name: "Nhật ký thao tác" })).toBeVisible();
  await expectAccessible(page, testInfo);
});

test("the fifth wrong password locks the account, even for the right password", async ({
  page,
  context,
  baseURL,
}, testInfo) => {
  // Its own account, so locking it disturbs no other test.
  await signInAs(context, "admin", baseURL!);
  const email = `khoa-${testInfo.project.name}-${Date.now()}@hailong.test`;
  const created = await page.request.post("/admin/users", {
    form: { email, name: "Khóa Thử", password: "mat-khau-dung-roi", role: "viewer" },
  });
  expect(created.status()).toBe(200);
  await context.clearCookies();
  for (let i = 0; i < 5; i++) {
    const reply = await page.request.post("/login", { form: { email, password: "sai" }, maxRedirects: 0 });
    expect(reply.status()).toBe(400);
  }
  const locked = await page.request.post("/login", { form: { email, password: "mat-khau-dung-roi" }, maxRedirects: 0 });
  expect(locked.status()).toBe(400);
  expect(await locked.text()).toContain("Tài khoản tạm khóa");
});
