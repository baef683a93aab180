import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { roleCan, ROLES } from "../../app/domain/auth/permissions";
import { signInAs } from "../support/e2e";
import { ROUND } from "../support/factories/names";
import { e2eDb } from "../support/e2e";
import { addDrawnPeople } from "../support/factories/people";
import { answerStep, clickThrough, expectAccessible, jsEnabled } from "./helpers";

// Fieldwork pages: invitations and their printed slips, the progress board within a
// supervisor's units, and keyboard-only paper entry. Each project works on its own unit
// (and serial), so the two projects running in parallel never share counts.
const invitationUnit = (js: boolean) => (js ? "so-khoa-hoc-cong-nghe" : "so-thong-tin-truyen-thong");

const unitRow = (page: Page, unit: string) => page.locator(`tr[data-unit="${unit}"]`);

test("an admin issues invitations, prints slips, and a citizen's answer shows as completed", async ({
  page,
  context,
  browser,
  baseURL,
}, testInfo) => {
  test.slow();
  const js = jsEnabled(testInfo);
  const unit = invitationUnit(js);
  await addDrawnPeople(e2eDb(), unit, 3);
  await signInAs(context, "admin", baseURL!);

  await page.goto(`/admin/rounds/${ROUND}/invitations`);
  await expect(page.getByRole("heading", { level: 1, name: "Thư mời khảo sát" })).toBeVisible();
  await expectAccessible(page, testInfo);
  const issueForm = page.locator("form#issue");
  await issueForm.getByLabel("Đơn vị").selectOption(unit);
  await issueForm.getByRole("button", { name: "Phát thư mời" }).click();
  await expect(page.getByRole("status")).toContainText(/Đã phát [1-9]\d* thư mời/);
  await expect(unitRow(page, unit).getByTestId("count-notIssued")).toHaveText("0");
  await expect(unitRow(page, unit).getByTestId("count-issued")).not.toHaveText("0");

  // Slips: the QR code and the written link, never a name or a phone.
  await unitRow(page, unit)
    .getByRole("link", { name: /In thư mời/ })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: /^Thư mời in/ })).toBeVisible();
  const slips = page.getByTestId("slip");
  expect(await slips.count()).toBeGreaterThanOrEqual(3);
  await expect(slips.first().getByRole("img", { name: "Mã QR của đường dẫn khảo sát" })).toBeVisible();
  await expect(page.getByText(/Người thử|\+849/)).toHaveCount(0);
  await expectAccessible(page, testInfo);
  const link = await slips.first().getByRole("link").innerText();
  expect(link).toMatch(/\/i\/[A-Z2-7]{16}$/);

  // The citizen follows the slip's link on their own phone and answers everything.
  const citizenContext = await browser.newContext({
    baseURL,
    javaScriptEnabled: js,
    locale: "vi-VN",
    viewport: { width: 360, height: 640 },
  });
  const citizen = await citizenContext.newPage();
  await citizen.goto(link);
  await expect(citizen.getByRole("heading", { name: "Phiếu khảo sát sự hài lòng" })).toBeVisible();
  await clickThrough(citizen, "Bắt đầu");
  while (!/\/review$/.test(citizen.url())) {
    await answerStep(citizen);
    await clickThrough(citizen, "Tiếp tục");
  }
  await clickThrough(citizen, "Gửi phiếu");
  await expect(citizen.getByRole("heading", { name: "Xin cảm ơn Ông/Bà!" })).toBeVisible();
  await citizenContext.close();

  await page.goto(`/admin/rounds/${ROUND}/invitations`);
  await expect(unitRow(page, unit).getByTestId("count-completed")).toHaveText("1");
  const token = link.split("/i/")[1];
  expect(await e2eDb().invitation.findMany({ where: { token }, select: { status: true } })).toEqual([
    { status: "completed" },
  ]);
});

test("the SMS file is an admin's, with escaped phones", async ({ context, page, baseURL }) => {
  await signInAs(context, "admin", baseURL!);
  const response = await page.request.get(`/admin/rounds/${ROUND}/invitations/sms.csv`);
  expect(response.status()).toBe(200);
  expect((await response.text()).split("\r\n")[0]).toBe("\uFEFFphone,link,unit");
});

test("a supervisor sees the progress of their own units only", async ({ context, page, baseURL }, testInfo) => {
  await signInAs(context, "supervisor", baseURL!);
  await page.goto(`/admin/rounds/${ROUND}/progress`);
  await expect(page.getByRole("heading", { level: 1, name: "Tiến độ thu phiếu" })).toBeVisible();
  const units = await page
    .locator("tbody tr[data-unit]")
    .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-unit")).sort());
  expect(units).toEqual(["huyen-tam-duong", "so-noi-vu"]);
  await expectAccessible(page, testInfo);
  expect((await page.request.get(`/admin/rounds/${ROUND}/invitations`)).status()).toBe(403);
});

/**
 * Key the whole paper form with the keyboard, from the form number down: one key per
 * answer and Tab to the next, as a clerk does. `likert(i)` is the digit for the i-th criterion.
 */
async function keyPaperForm(page: Page, serial: string, likert: (i: number) => string) {
  await page.getByLabel("Số phiếu (in trên phiếu giấy)").focus();
  await page.keyboard.type(serial);
  await page.keyboard.press("Tab");
  let criterion = 0;
  for (let guard = 0; guard < 80; guard++) {
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement;
      return {
        tag: el.tagName,
        type: el.type,
        first: el.type === "checkbox" && document.querySelector(`input[name="${el.name}"]`) === el,
      };
    });
    if (focused.tag === "BUTTON") break;
    if (focused.tag === "SELECT") await page.keyboard.press("ArrowDown");
    else if (focused.tag === "TEXTAREA") await page.keyboard.type("Phiếu giấy nhập thử.");
    else if (focused.type === "checkbox" && focused.first) await page.keyboard.press("Space");
    else if (focused.type === "text") await page.keyboard.type(likert(criterion++));
    await page.keyboard.press("Tab");
  }
  await page.keyboard.press("Enter");
}

async function openPaperEntry(page: Page, testInfo: TestInfo, double = false) {
  await page.goto(`/admin/rounds/${ROUND}/paper`);
  await expectAccessible(page, testInfo);
  await page.getByLabel("Đơn vị").selectOption("huyen-tam-duong");
  if (double) await page.getByLabel(/Nhập lần hai/).check();
  await page.getByRole("button", { name: "Nhập phiếu của đơn vị này" }).click();
  await expect(
    page.getByRole("heading", { name: `${double ? "Nhập lần hai" : "Phiếu giấy"} — Huyện Tam Đường` }),
  ).toBeVisible();
}

test("an enumerator keys a paper form with the keyboard; a second keying's difference is resolved", async ({
  context,
  page,
  browser,
  baseURL,
}, testInfo) => {
  test.slow();
  const serial = jsEnabled(testInfo) ? "E2E-JS-001" : "E2E-NOJS-001";
  const receipt = `P-${ROUND}-${serial}`;
  await signInAs(context, "enumerator", baseURL!);
  await openPaperEntry(page, testInfo);
  await expectAccessible(page, testInfo);
  await keyPaperForm(page, serial, () => "4");
  await expect(page.getByRole("status")).toHaveText(`Đã lưu phiếu ${receipt}. Mời nhập phiếu tiếp theo.`);

  const stored = (
    await e2eDb().response.findMany({
      where: { receiptCode: receipt, recordedById: { not: null } },
      select: {
        mode: true,
        status: true,
        recordedBy: { select: { email: true } },
        _count: { select: { answers: { where: { itemCode: { startsWith: "c" } } } } },
      },
    })
  ).map(({ mode, status, recordedBy, _count }) => ({
    mode,
    status,
    email: recordedBy!.email,
    criteria: _count.answers,
  }));
  expect(stored).toEqual([{ mode: "paper", status: "submitted", email: "dieutra@hailong.test", criteria: 22 }]);

  // The same serial again as a first keying is refused, next to the form number.
  await keyPaperForm(page, serial, () => "4");
  await expect(page.getByText("Số phiếu này đã được nhập.", { exact: false })).toBeVisible();

  // The supervisor keys the same form a second time and mistypes criterion c03.
  const second = await browser.newContext({ baseURL, javaScriptEnabled: jsEnabled(testInfo), locale: "vi-VN" });
  await signInAs(second, "supervisor", baseURL!);
  const supervisor = await second.newPage();
  await openPaperEntry(supervisor, testInfo, true);
  await keyPaperForm(supervisor, serial, (i) => (i === 2 ? "2" : "4"));
  await expect(supervisor.getByRole("status")).toHaveText(`Đã lưu lần nhập thứ hai của phiếu ${receipt}.`);

  await supervisor.getByRole("link", { name: "Xem chỗ khác nhau giữa hai lần nhập" }).click();
  const table = supervisor.getByRole("table", { name: new RegExp(receipt) });
  await expect(table.locator("tbody tr")).toHaveCount(1);
  await expectAccessible(supervisor, testInfo);
  await table.getByRole("button", { name: "Câu c03: chọn “4”" }).click();
  await expect(table.getByText("Đã thống nhất: 4")).toBeVisible();
  await second.close();
  const first = await e2eDb().response.findMany({ where: { receiptCode: receipt }, select: { id: true } });
  expect(
    await e2eDb().response.findMany({
      where: { doubleEntryOfId: { in: first.map((r) => r.id) } },
      select: { status: true },
    }),
  ).toEqual([{ status: "double_entry" }]);
});

test("a supervisor assigns one of their units to an enumerator", async ({ context, page, baseURL }, testInfo) => {
  await signInAs(context, "supervisor", baseURL!);
  await page.goto(`/admin/rounds/${ROUND}/assignments`);
  await expect(page.getByRole("heading", { level: 1, name: "Phân công điều tra viên" })).toBeVisible();
  const form = page.locator("form#assign");
  // Only the supervisor's own units are offered (and the empty choice).
  await expect(form.getByLabel("Đơn vị").locator("option")).toHaveCount(3);
  await form.getByLabel("Đơn vị").selectOption("huyen-tam-duong");
  await form.getByLabel("Điều tra viên").selectOption({ label: "Lò Văn Điều" });
  await form.getByRole("button", { name: "Phân công" }).click();
  await expect(page.getByRole("status")).toHaveText(/Đã phân công [01] việc\./);
  await expect(page.getByRole("row", { name: /Huyện Tam Đường Lò Văn Điều Cả đơn vị/ }).first()).toBeVisible();
  await expectAccessible(page, testInfo);
});

test("the double-entry mismatch page opens for a clerk", async ({ context, page, baseURL }, testInfo) => {
  await signInAs(context, "enumerator", baseURL!);
  await page.goto(`/admin/rounds/${ROUND}/paper/mismatches`);
  await expect(page.getByRole("heading", { level: 1, name: "Khác nhau giữa hai lần nhập phiếu giấy" })).toBeVisible();
  await expectAccessible(page, testInfo);
});

test("each role opens exactly the fieldwork pages its permissions allow", async ({ browser, baseURL }) => {
  const pages = {
    invitations: "manage:invitations",
    assignments: "manage:assignments",
    progress: "read:progress",
    paper: "enter:paper",
  } as const;
  for (const role of ROLES) {
    const context = await browser.newContext({ baseURL });
    await signInAs(context, role, baseURL!);
    for (const [page, permission] of Object.entries(pages)) {
      const status = (await context.request.get(`/admin/rounds/${ROUND}/${page}`, { maxRedirects: 0 })).status();
      expect(status, `${role} ${page}`).toBe(roleCan(role, permission) ? 200 : 403);
    }
    await context.close();
  }
});
