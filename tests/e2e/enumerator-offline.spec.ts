import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { signInAs } from "../support/e2e";
import { FIELD_PEOPLE, FIELD_ROUND } from "../support/factories/names";
import { e2eDb } from "../support/e2e";
import { answerStep, expectAccessible, jsEnabled } from "./helpers";

/**
 * The walk-in button of this spec's own round (tests/support/factories/e2e-seed.ts). Other
 * specs may give the demo enumerator units in other rounds (a supervisor's assignment in
 * admin-fieldwork.spec.ts, the personal-data fixture), each with a walk-in button of its own.
 */
function walkIn(page: Page) {
  return page
    .getByRole("region", { name: "Phỏng vấn trực tiếp (kiểm thử)" })
    .getByRole("button", { name: /^Phỏng vấn khách vãng lai/ });
}

// Issue 5's acceptance test: the enumerator's app on a phone with no signal. The app is
// one document served by its service worker (public/enumerator-sw.js) from the cache when
// offline; interviews live in IndexedDB until the server confirms them.

const [MAI, PAO, SU] = FIELD_PEOPLE.map((p) => p.name!);
const REVIEW = "Xem lại và kết thúc phỏng vấn";

interface StoredInterview {
  id: string;
  frameRowId: string | null;
  interpretedInto: string | null;
  language: string;
  latitude: number | null;
}
function storedInterviews(): Promise<StoredInterview[]> {
  return e2eDb().response.findMany({
    where: { round: { code: FIELD_ROUND }, recordedBy: { email: "dieutra@hailong.test" } },
    orderBy: { startedAt: "asc" },
    select: { id: true, frameRowId: true, interpretedInto: true, language: true, latitude: true },
  });
}

/** Open the app and wait until its service worker controls the page (so it opens offline). */
async function openApp(page: Page) {
  await page.goto("/enumerator");
  await expect(page.getByRole("heading", { level: 1, name: "Phỏng vấn trực tiếp" })).toBeVisible();
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  await expect(page.getByText("Ứng dụng chưa được lưu")).toBeHidden();
}

async function download(page: Page) {
  await page.getByRole("button", { name: /Tải về để làm việc ngoại tuyến|Tải lại dữ liệu mới nhất/ }).click();
  await expect(page.getByText("Đã tải xong.")).toBeVisible();
  // Whether the browser granted persistent storage or not, the app says so plainly.
  await expect(
    page.getByText(/^Bộ nhớ bền vững: (có|không)/).or(page.getByText(/không cho biết dữ liệu có được giữ bền vững/)),
  ).toBeVisible();
}

const outboxCount = (page: Page) => page.getByTestId("outbox-count");

/**
 * Start the interview and wait until its first step is drawn: the views change without a
 * URL change, and answering before the step is there answers nothing ("Tiếp tục" on an
 * empty profile step stays on it).
 */
async function startInterview(page: Page) {
  await page.getByRole("button", { name: "Bắt đầu" }).click();
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("Bắt đầu phỏng vấn");
  await expect(page.getByRole("radiogroup").first()).toBeVisible();
}

/** Answer every step from the current one to the review page (views change without a URL change). */
async function answerToReview(page: Page) {
  for (let guard = 0; guard < 20; guard++) {
    const heading = page.getByRole("heading", { level: 1 });
    const title = await heading.innerText();
    if (title === REVIEW) return;
    await answerStep(page, "Hài lòng");
    await page.getByRole("button", { name: "Tiếp tục" }).click();
    await expect(heading).not.toHaveText(title);
  }
  throw new Error("never reached the review page");
}

async function finishInterview(page: Page) {
  await answerToReview(page);
  await page.getByRole("button", { name: "Kết thúc phỏng vấn" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Phỏng vấn trực tiếp" })).toBeVisible();
}

async function offline(context: BrowserContext, page: Page, value: boolean) {
  await context.setOffline(value);
  await expect(
    page
      .getByRole("status")
      .filter({ hasText: value ? "Không có mạng" : "Đang có mạng" })
      .first(),
  ).toBeVisible();
}

test("without JavaScript, the app's page says that JavaScript is needed", async ({
  context,
  page,
  baseURL,
}, testInfo) => {
  test.skip(jsEnabled(testInfo), "the notice is for browsers without JavaScript");
  await signInAs(context, "enumerator", baseURL!);
  await page.goto("/enumerator");
  await expect(page.getByText("Ứng dụng phỏng vấn cần JavaScript")).toBeVisible();
});

test("offline: three interviews survive a reload, reach the server once, and a failed batch loses nothing", async ({
  context,
  page,
  baseURL,
}, testInfo) => {
  test.skip(!jsEnabled(testInfo), "the offline app needs JavaScript (its page says so without it)");
  // Seven interviews through a 9-step questionnaire on a shared, busy machine.
  test.setTimeout(420_000);
  await context.grantPermissions(["geolocation"], { origin: baseURL });
  await context.setGeolocation({ latitude: 22.41, longitude: 103.55, accuracy: 15 });
  await signInAs(context, "enumerator", baseURL!);
  await openApp(page);
  await download(page);
  // The people to visit, with their contact details (only this enumerator's).
  for (const person of FIELD_PEOPLE) {
    const item = page.getByRole("listitem").filter({ hasText: person.name! });
    await expect(item).toContainText(person.phone);
    await expect(item).toContainText(person.address);
  }
  await expect(outboxCount(page)).toHaveText("0 phiếu chờ gửi");
  await expectAccessible(page, testInfo);

  await offline(context, page, true);

  // 1. A drawn person, read as written.
  await page.getByRole("button", { name: `Phỏng vấn ${MAI}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Bắt đầu phỏng vấn" })).toBeVisible();
  await expectAccessible(page, testInfo);
  await startInterview(page);
  await expectAccessible(page, testInfo);
  await answerToReview(page);
  await expectAccessible(page, testInfo);
  await page.getByRole("button", { name: "Kết thúc phỏng vấn" }).click();
  await expect(outboxCount(page)).toHaveText("1 phiếu chờ gửi");

  // 2. A walk-in.
  await walkIn(page).click();
  await startInterview(page);
  await finishInterview(page);
  await expect(outboxCount(page)).toHaveText("2 phiếu chờ gửi");

  // 3. Interpreted orally into Mông, with the location (switched on, and the respondent agrees).
  await page.getByRole("button", { name: `Phỏng vấn ${PAO}` }).click();
  await page.getByLabel("Phiên dịch miệng").selectOption("hmn");
  await page.getByLabel("Ghi vị trí phỏng vấn (GPS)").check();
  await page.getByLabel("Người trả lời đồng ý cho ghi vị trí").check();
  await startInterview(page);
  await answerToReview(page);
  await expect(page.getByText("Lus Hmoob (tiếng Mông)")).toBeVisible();
  await expect(page.getByText(/Đã ghi \(sai số khoảng 15 m\)/)).toBeVisible();
  await page.getByRole("button", { name: "Kết thúc phỏng vấn" }).click();
  await expect(outboxCount(page)).toHaveText("3 phiếu chờ gửi");

  // 4. Half done: the first step, and one answer of the second.
  await page.getByRole("button", { name: `Phỏng vấn ${SU}` }).click();
  await startInterview(page);
  await answerStep(page, "Hài lòng");
  const firstTitle = await page.getByRole("heading", { level: 1 }).innerText();
  await page.getByRole("button", { name: "Tiếp tục" }).click();
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(firstTitle);
  const secondTitle = await page.getByRole("heading", { level: 1 }).innerText();
  const firstQuestion = page.getByRole("radiogroup").first();
  await firstQuestion.getByRole("radio", { name: "Rất hài lòng", exact: true }).check();

  // The phone is switched off and on, still without a signal.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Phỏng vấn trực tiếp" })).toBeVisible();
  await expect(outboxCount(page)).toHaveText("3 phiếu chờ gửi");
  await expect(page.getByTestId("outbox-item")).toHaveCount(3);
  for (const name of [MAI, "Khách vãng lai", PAO])
    await expect(page.getByTestId("outbox-item").filter({ hasText: name })).toHaveCount(1);
  await expect(page.getByRole("heading", { name: "Phiếu đang làm dở (1)" })).toBeVisible();
  await page.getByRole("button", { name: new RegExp(`^Làm tiếp: ${SU}`) }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(secondTitle);
  await expect(
    page.getByRole("radiogroup").first().getByRole("radio", { name: "Rất hài lòng", exact: true }),
  ).toBeChecked();
  await page.getByRole("button", { name: "Lưu và về danh sách" }).click();
  expect(await storedInterviews()).toHaveLength(0);

  // A signal again: the app sends the outbox by itself.
  await offline(context, page, false);
  await expect(outboxCount(page)).toHaveText("0 phiếu chờ gửi", { timeout: 30_000 });
  await expect(page.getByTestId("sync-status")).toContainText("máy chủ đã nhận 3 phiếu");
  const stored = await storedInterviews();
  expect(stored).toHaveLength(3);
  const rowIds = await e2eDb().frameRow.findMany({
    where: { dossierCode: { startsWith: "E2E-PV-" } },
    select: { id: true, name: true },
  });
  const rowOf = (name: string) => rowIds.find((r) => r.name === name)!.id;
  expect(stored.map((s) => s.frameRowId)).toEqual([rowOf(MAI), null, rowOf(PAO)]);
  expect(stored.map((s) => s.interpretedInto)).toEqual([null, null, "hmn"]);
  expect(stored.map((s) => s.latitude)).toEqual([null, null, 22.41]);

  // Sending again sends nothing and stores nothing.
  await page.getByRole("button", { name: "Gửi ngay" }).click();
  await expect(page.getByTestId("sync-status")).toHaveText("Không có phiếu nào cần gửi.");
  expect(await storedInterviews()).toHaveLength(3);

  // The half-done interview is finished; then the server fails every try of the next run.
  await page.getByRole("button", { name: new RegExp(`^Làm tiếp: ${SU}`) }).click();
  await finishInterview(page);
  await expect(outboxCount(page)).toHaveText("1 phiếu chờ gửi");
  const hook = await page.request.post("/api/test/fail-next-sync", { data: { count: 4 } });
  expect(hook.status()).toBe(200);
  await page.getByRole("button", { name: "Gửi ngay" }).click();
  await expect(page.getByTestId("sync-status")).toContainText("Chưa gửi được (HTTP 503", { timeout: 30_000 });
  await expect(page.getByTestId("sync-status")).toContainText("Không phiếu nào bị mất");
  await expect(outboxCount(page)).toHaveText("1 phiếu chờ gửi");
  await expect(page.getByTestId("outbox-item").filter({ hasText: SU })).toBeVisible();
  expect(await storedInterviews()).toHaveLength(3);
  await expectAccessible(page, testInfo);

  // A later run delivers it.
  await page.getByRole("button", { name: "Gửi ngay" }).click();
  await expect(outboxCount(page)).toHaveText("0 phiếu chờ gửi");
  expect(await storedInterviews()).toHaveLength(4);

  // A reply lost on the way back (the server stored the batch): the phone retries and the
  // server answers "already have it", so the interview is not doubled.
  await walkIn(page).click();
  await startInterview(page);
  await finishInterview(page);
  let cut = 0;
  await context.route("**/api/sync/interviews", async (route) => {
    if (cut++ > 0) return route.continue();
    await route.fetch();
    await route.abort("connectionreset");
  });
  await page.getByRole("button", { name: "Gửi ngay" }).click();
  await expect(outboxCount(page)).toHaveText("0 phiếu chờ gửi", { timeout: 30_000 });
  expect(cut).toBeGreaterThanOrEqual(2);
  expect(await storedInterviews()).toHaveLength(5);
  await context.unroute("**/api/sync/interviews");
});

test("signing out names the unsent interviews and refuses until the enumerator insists", async ({
  context,
  page,
  baseURL,
}, testInfo) => {
  test.skip(!jsEnabled(testInfo), "the offline app needs JavaScript");
  await signInAs(context, "enumerator", baseURL!);
  await openApp(page);
  await download(page);
  await walkIn(page).click();
  await startInterview(page);
  await answerStep(page, "Hài lòng");
  await page.getByRole("button", { name: "Lưu và về danh sách" }).click();

  // A second draft, started by mistake: discarding asks once more, "keep" keeps it.
  await walkIn(page).click();
  await startInterview(page);
  await page.getByRole("button", { name: "Lưu và về danh sách" }).click();
  await expect(page.getByRole("heading", { name: "Phiếu đang làm dở (2)" })).toBeVisible();
  await page
    .getByRole("button", { name: /^Bỏ phiếu…: Khách vãng lai/ })
    .last()
    .click();
  await expect(page.getByRole("alert").filter({ hasText: "Bỏ phiếu đang làm dở với Khách vãng lai?" })).toBeVisible();
  await expectAccessible(page, testInfo);
  await page.getByRole("button", { name: "Giữ lại" }).click();
  await expect(page.getByRole("heading", { name: "Phiếu đang làm dở (2)" })).toBeVisible();
  await page
    .getByRole("button", { name: /^Bỏ phiếu…: Khách vãng lai/ })
    .last()
    .click();
  await page.getByRole("button", { name: "Xóa phiếu này" }).click();
  await expect(page.getByRole("heading", { name: "Phiếu đang làm dở (1)" })).toBeVisible();

  // The app's own button, and the header's: both lead to the warning, not straight out.
  await page.getByRole("button", { name: "Đăng xuất…" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Đăng xuất khỏi máy này" })).toBeVisible();
  await page.getByRole("button", { name: "Quay lại" }).click();
  await page.getByRole("banner").getByRole("button", { name: "Đăng xuất", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Đăng xuất khỏi máy này" })).toBeVisible();
  await expect(page).toHaveURL(/\/enumerator$/);
  await expect(page.getByRole("heading", { name: "Còn 1 phiếu chưa gửi lên máy chủ" })).toBeVisible();
  await expect(
    page.getByRole("listitem").filter({ hasText: /Khách vãng lai — Huyện Tam Đường — .*\(đang làm dở\)/ }),
  ).toBeVisible();
  await expectAccessible(page, testInfo);
  await page.getByRole("button", { name: "Xóa dữ liệu và đăng xuất" }).click();
  await expect(page.getByText(/^Chưa đăng xuất: còn phiếu chưa gửi/)).toBeVisible();
  await expect(page).toHaveURL(/\/enumerator$/);

  await page.getByLabel("Tôi hiểu rằng 1 phiếu chưa gửi này sẽ bị mất").check();
  await page.getByRole("button", { name: "Xóa dữ liệu và đăng xuất" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  const left = await page.evaluate(async () => ({
    databases: (await indexedDB.databases()).map((d) => d.name).filter((n) => n?.startsWith("hailong-enumerator-")),
    caches: (await caches.keys()).filter((n) => n.startsWith("hailong-enumerator-")),
  }));
  expect(left).toEqual({ databases: [], caches: [] });
  await page.goto("/enumerator");
  await expect(page).toHaveURL(/\/login/);
});

test("signed out from another page, the stored app opens none of the account's data offline", async ({
  context,
  page,
  baseURL,
}, testInfo) => {
  test.skip(!jsEnabled(testInfo), "the offline app needs JavaScript");
  await signInAs(context, "enumerator", baseURL!);
  await openApp(page);
  await download(page);
  await expect(page.getByRole("button", { name: `Phỏng vấn ${MAI}` })).toBeVisible();

  // The header's sign-out on a page other than the app: straight out, no warning.
  await page.goto("/account");
  await page.getByRole("banner").getByRole("button", { name: "Đăng xuất", exact: true }).click();
  await page.waitForURL((url) => url.pathname === "/");

  // No signal: the service worker serves the stored page, which must not open the data.
  await context.setOffline(true);
  await page.goto("/enumerator");
  await expect(page.getByRole("alert").filter({ hasText: "Máy này đã đăng xuất" })).toBeVisible();
  await expect(page.getByText(MAI)).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Đăng nhập" }).last()).toHaveAttribute(
    "href",
    "/login?redirectTo=%2Fenumerator",
  );
  await expectAccessible(page, testInfo);
  await context.setOffline(false);
});
