import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "../support/e2e";
import { ROUND, TOKENS } from "../support/factories/names";
import { answerStep, clickThrough, expectAccessible, jsEnabled } from "./helpers";

// Issue 7, hostile input: the headers of every kind of response, the CSP holding with
// JavaScript on, the Origin check, and the rate limits on keys of this spec's own (the
// server is shared by every spec: docs/decisions/013-hardening.md).

/** Content-Security-Policy violations the page reported to its console. */
function watchCsp(page: Page) {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|apply|load)/i.test(message.text()))
      violations.push(message.text());
  });
  return violations;
}

test("every kind of response carries the security headers", async ({ page, baseURL }) => {
  const document = await page.request.get("/");
  const csp = document.headers()["content-security-policy"];
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}'/);
  expect(csp).not.toContain("unsafe-inline");
  expect(csp).toContain("frame-ancestors 'none'");
  // Every inline script of the document carries this response's nonce.
  const nonce = /'nonce-([^']+)'/.exec(csp)![1];
  const html = await document.text();
  const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const attributes of scripts) expect(attributes).toContain(`nonce="${nonce}"`);
  expect(html).not.toMatch(/\sstyle="/);

  const asset = /(\/assets\/[^"]+\.css)/.exec(html)![1];
  const responses = {
    document,
    asset: await page.request.get(asset),
    publicFile: await page.request.get("/favicon.ico"),
    resource: await page.request.get("/healthz"),
    data: await page.request.get(`/results/${ROUND}.data`),
    notFound: await page.request.get("/khong-co-trang-nay"),
  };
  for (const [kind, response] of Object.entries(responses)) {
    const headers = response.headers();
    expect(headers["x-content-type-options"], kind).toBe("nosniff");
    expect(headers["content-security-policy"], kind).toContain("object-src 'none'");
    expect(headers["referrer-policy"], kind).toBe("same-origin");
    expect(headers["cross-origin-opener-policy"], kind).toBe("same-origin");
    expect(headers["permissions-policy"], kind).toContain("geolocation=(self)");
    expect(headers["x-powered-by"], kind).toBeUndefined();
    // Plain HTTP here: no HSTS (a browser would ignore it, and it would pin a test host).
    expect(headers["strict-transport-security"], kind).toBeUndefined();
  }
  // Behind a TLS-terminating proxy: HSTS.
  const viaProxy = await page.request.get("/healthz", { headers: { "X-Forwarded-Proto": "https" } });
  expect(viaProxy.headers()["strict-transport-security"]).toBe("max-age=31536000");
  // An invitation link sends no referrer at all.
  const invitation = await page.request.get(`/i/${TOKENS.expired}`, { maxRedirects: 0 });
  expect(invitation.headers()["referrer-policy"]).toBe("no-referrer");
  expect(baseURL).toBeTruthy();
});

test("the CSP lets the app's own scripts run and the survey work", async ({ page }, testInfo) => {
  const violations = watchCsp(page);
  await page.goto(`/s/${ROUND}/so-noi-vu`);
  await clickThrough(page, "Bắt đầu");
  await answerStep(page);
  await clickThrough(page, "Tiếp tục");
  await expect(page.locator("svg.progress-bar")).toBeVisible();
  await page.goto(`/results/${ROUND}`);
  if (jsEnabled(testInfo)) {
    // Hydrated: a client-side navigation (no document request) reaches the next page.
    await page.getByRole("link", { name: "Hài Lòng" }).first().click();
    await expect(page.locator('main[data-route="/"]')).toBeVisible();
  }
  expect(violations).toEqual([]);
});

test("a staff page with JavaScript breaks no CSP rule", async ({ context, page, baseURL }) => {
  await signInAs(context, "admin", baseURL!);
  const violations = watchCsp(page);
  for (const path of [
    "/admin",
    `/admin/rounds/${ROUND}`,
    `/admin/rounds/${ROUND}/progress`,
    `/admin/rounds/${ROUND}/invitations/slips`,
  ]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  expect(violations).toEqual([]);
});

test.describe("Origin check on state-changing requests", () => {
  const form = { email: "khong-ai@hailong.test", password: "sai" };

  test("a post from another site is refused before the app runs", async ({ page, baseURL }) => {
    const foreign: Record<string, string>[] = [
      { Origin: "https://ke-gia-mao.example" },
      { Origin: "null" },
      { "Sec-Fetch-Site": "cross-site", Origin: "https://ke-gia-mao.example" },
      { Referer: "https://ke-gia-mao.example/trang" },
    ];
    for (const headers of foreign) {
      const reply = await page.request.post("/login", { form, headers, maxRedirects: 0 });
      expect(reply.status(), JSON.stringify(headers)).toBe(403);
      expect(await reply.text()).toContain("Biểu mẫu này được gửi từ một trang web khác");
    }
    // Remix's data requests get JSON.
    const data = await page.request.post("/login.data", { form, headers: { Origin: "https://ke-gia-mao.example" } });
    expect(data.status()).toBe(403);
    expect((await data.json()).error).toContain("another website");
    // Our own origin, the browser's same-origin marker, or no browser at all: the app answers.
    const ours: Record<string, string>[] = [
      { Origin: baseURL! },
      { "Sec-Fetch-Site": "same-origin" },
      { Referer: `${baseURL}/login` },
      {},
    ];
    for (const headers of ours) {
      const reply = await page.request.post("/login", { form, headers, maxRedirects: 0 });
      expect(reply.status(), JSON.stringify(headers)).toBe(400);
    }
  });

  test("the refusal is a readable page in Vietnamese and English", async ({ page, baseURL }, testInfo) => {
    // A form on a page of another origin (a data: URL): the browser sends Origin: null.
    const action = new URL("/login", baseURL).toString();
    const form = `<form method="post" action="${action}"><input name="email" value="a@b.vn"><input name="password" value="x"><button>Gửi</button></form>`;
    await page.goto(`data:text/html;charset=utf-8,${encodeURIComponent(form)}`);
    await page.getByRole("button", { name: "Gửi" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Yêu cầu bị từ chối" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Request refused" })).toBeVisible();
    await expectAccessible(page, testInfo);
  });
});

test.describe("rate limits", () => {
  // Over a hundred requests each, on a shared and busy machine.
  test.slow();

  test("one invitation token: 120 requests a minute, then 429 with Retry-After", async ({ page }, testInfo) => {
    // A token of this test's own (unknown: 404 until the limit, which counts first).
    const token = `E2E-RATE-${testInfo.project.name}-${Date.now()}`;
    // Until refused: at most two windows' worth, should a minute boundary fall inside.
    let answered = 0;
    let reply = await page.request.get(`/i/${token}`);
    while (reply.status() === 404 && answered < 240) {
      answered += 1;
      reply = await page.request.get(`/i/${token}`);
    }
    expect(reply.status()).toBe(429);
    expect(answered).toBeGreaterThanOrEqual(120);
    expect(Number(reply.headers()["retry-after"])).toBeGreaterThan(0);
    expect(await reply.text()).toContain("Quá nhiều yêu cầu");
    await page.goto(`/i/${token}`);
    await expect(page.getByRole("heading", { level: 1, name: "Quá nhiều yêu cầu" })).toBeVisible();
    await expect(page.getByText(/Xin đợi khoảng \d+ giây/)).toBeVisible();
    await expectAccessible(page, testInfo);
  });

  test("one email: ten sign-in attempts per 15 minutes, then 429", async ({ page }, testInfo) => {
    const email = `rate-${testInfo.project.name}-${Date.now()}@hailong.test`;
    for (let i = 0; i < 10; i++) {
      const reply = await page.request.post("/login", { form: { email, password: "sai" }, maxRedirects: 0 });
      expect(reply.status()).toBe(400);
    }
    const limited = await page.request.post("/login", { form: { email, password: "sai" }, maxRedirects: 0 });
    expect(limited.status()).toBe(429);
    expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);
    // The form itself, in the browser: the page says what happened, in Vietnamese.
    await page.goto("/login");
    await page.getByLabel("Thư điện tử").fill(email);
    await page.getByLabel("Mật khẩu").fill("sai");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Quá nhiều yêu cầu" })).toBeVisible();
    await expectAccessible(page, testInfo);
  });
});
