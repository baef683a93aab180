import { expect, test, type BrowserContext } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { computeRound, type RoundInput, type UnitLevel } from "../../analysis";
import type { Prisma } from "../../app/generated/prisma/client";
import { signInAs } from "../support/e2e";
import { ROUND } from "../support/factories/names";
import { e2eDb, signInUser } from "../support/e2e";
import { addLimitedViewer } from "../support/factories/accounts";
import { expectAccessible } from "./helpers";

// The officials' dashboard (issue 6, ADR 011). Expected numbers are computed here with
// analysis/ from the e2e database, never written down: the page must agree with them.

const PREVIOUS = "lai-chau-2019";
/** A dashboard page recomputes two rounds: on a shared, loaded machine that can take seconds. */
const expectPage = expect.configure({ timeout: 90_000 });
const vi = (v: number) => v.toLocaleString("vi-VN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

const CRITERIA = Array.from({ length: 22 }, (_, i) => `c${String(i + 1).padStart(2, "0")}`);

/** analysis/ on a round's counted questionnaires, read straight from the e2e database (`where`: more conditions on the questionnaire). */
async function expectedRound(roundCode: string, where: Prisma.ResponseWhereInput = {}) {
  const db = e2eDb();
  const strata = (
    await db.stratum.findMany({
      where: { round: { code: roundCode } },
      select: { population: true, unit: { select: { code: true, name: true, level: true } } },
    })
  ).map((s) => ({ code: s.unit.code, name: s.unit.name, level: s.unit.level as UnitLevel, population: s.population }));
  const counted: Prisma.ResponseWhereInput = {
    round: { code: roundCode },
    status: "submitted",
    OR: [{ reviewStatus: null }, { reviewStatus: { not: "rejected" } }],
  };
  const rows = (
    await db.answer.findMany({
      where: { itemCode: { in: CRITERIA }, response: { AND: [counted, where] } },
      select: {
        responseId: true,
        itemCode: true,
        value: true,
        response: { select: { unit: { select: { code: true } } } },
      },
    })
  ).map((a) => ({ id: a.responseId, unit: a.response.unit.code, itemCode: a.itemCode, value: a.value }));
  const responses = new Map<string, RoundInput["responses"][number]>();
  for (const row of rows) {
    const r = responses.get(row.id) ?? { id: row.id, unitCode: row.unit, answers: {} };
    r.answers[row.itemCode] = row.value !== null && row.value >= 1 && row.value <= 5 ? row.value : null;
    responses.set(row.id, r);
  }
  const c = CRITERIA;
  const elements = { E1: c.slice(0, 4), E2: c.slice(4, 9), E3: c.slice(9, 15), E4: c.slice(15, 18), E5: c.slice(18) };
  const result = computeRound({
    units: strata.map((s) => ({ code: s.code, level: s.level, population: s.population })),
    elements,
    responses: [...responses.values()],
  });
  return { result, strata, n: responses.size };
}

/** A viewer limited to one unit, signed in as signInAs does for the demo roles. */
async function signInAsLimitedViewer(context: BrowserContext, unitCode: string, baseURL: string) {
  const userId = await addLimitedViewer(e2eDb(), unitCode, `unit-leader-${randomUUID()}@hailong.test`);
  await signInUser(context, userId, baseURL);
}

test("anonymous: the dashboard asks to sign in; the public page shows only a closed round", async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const dashboard = await page.request.get(`/results/${ROUND}`, { maxRedirects: 0 });
  expect(dashboard.status()).toBe(302);
  expect(dashboard.headers().location).toMatch(/^\/login\?redirectTo=/);
  expect((await page.request.get(`/public/${ROUND}`)).status()).toBe(404); // still collecting
  await page.goto(`/public/${PREVIOUS}`);
  await expectPage(page.getByRole("heading", { level: 1 })).toContainText("Kết quả khảo sát sự hài lòng");
  const { result } = await expectedRound(PREVIOUS);
  await expect(page.getByTestId("round-index")).toHaveText(`${vi(result.overall.index!)}%`);
  // Small units publish no index of their own, and no comment is shown.
  await expect(page.getByRole("cell", { name: "ẩn", exact: true }).first()).toBeVisible();
  await expect(page.getByText("Ý kiến khác")).toHaveCount(0);
  await expectAccessible(page, testInfo);
});

test("a viewer finds the lowest district and its weakest element, filters, and opens the report card", async ({
  page,
  context,
  baseURL,
}, testInfo) => {
  // Seven dashboard pages, each recomputing two rounds, on a machine shared by many runs.
  test.setTimeout(240_000);
  await signInAs(context, "viewer", baseURL!);
  const { result, strata } = await expectedRound(ROUND);
  const districts = Object.entries(result.units).filter(([, u]) => u.level === "district" && u.index !== null);
  const [lowCode, low] = districts.reduce((a, b) => (b[1].index! < a[1].index! ? b : a));
  const [weakElement, weak] = Object.entries(low.elements).reduce((a, b) => (b[1].index! < a[1].index! ? b : a));
  const lowName = strata.find((s) => s.code === lowCode)!.name;

  await page.goto("/admin");
  await page.getByRole("link", { name: "Kết quả khảo sát" }).first().click();
  await page.getByRole("link", { name: /Lai Châu năm 2020/ }).click();
  await expectPage(page.getByRole("heading", { level: 1 })).toContainText("Bảng điều hành");
  await expect(page.getByTestId("round-index")).toHaveText(`${vi(result.overall.index!)}%`);
  const lowest = page.getByTestId("lowest-district");
  await expect(lowest).toContainText(lowName);
  await expect(lowest).toContainText(`${vi(low.index!)}%`);
  await expect(lowest).toContainText(`${weakElement}.`);
  await expect(lowest).toContainText(`${vi(weak.index!)}%`);
  // Change since 2019, with its verdict.
  await expect(page.getByTestId("change-verdict").first()).toHaveText(/ý nghĩa thống kê|chưa đủ bằng chứng/);
  await expectAccessible(page, testInfo);

  // Filter: districts, women.
  await page.getByLabel("Cấp đơn vị", { exact: true }).selectOption("district");
  await page.getByLabel("Giới tính", { exact: true }).selectOption({ label: "Nữ" });
  await page.getByRole("button", { name: "Xem kết quả" }).click();
  await expectPage(page).toHaveURL(/level=district/);
  await expect(page).toHaveURL(/gender=female/);
  const women = await expectedRound(ROUND, {
    unit: { level: "district" },
    answers: { some: { itemCode: "p01", choice: "female" } },
  });
  await expectPage(page.getByRole("status").filter({ hasText: "Đang lọc" })).toContainText(`${women.n} phiếu`);
  await expect(page.getByTestId("round-index")).toHaveText(`${vi(women.result.overall.index!)}%`);
  await expect(page.getByRole("table", { name: /Xếp hạng theo chỉ số SIPAS \(Huyện, thành phố\)/ })).toBeVisible();
  await expectAccessible(page, testInfo);

  // A group too small to show.
  await page.goto(`/results/${ROUND}?level=department&mode=phone&age=over-60`);
  await expectPage(page.getByTestId("small-group")).toContainText("Nhóm quá nhỏ, ẩn để bảo vệ người trả lời");

  // The lowest district's report card, from the ranking.
  await page.goto(`/results/${ROUND}?level=district`);
  await page.getByRole("link", { name: lowName, exact: true }).click();
  await expectPage(page.getByRole("heading", { level: 1 })).toHaveText(`Phiếu kết quả: ${lowName}`);
  await expect(page.getByTestId("unit-index")).toHaveText(`${vi(low.index!)}%`);
  await expect(page.getByTestId("unit-rank")).toContainText(`${districts.length} (Huyện, thành phố)`);
  await expectAccessible(page, testInfo);

  // Comments: masked, paginated.
  await page.goto(`/results/${ROUND}/comments`);
  await expectPage(page.getByRole("heading", { level: 1 })).toContainText("Ý kiến của người dân");
  await expect(page.locator(".comment-list")).not.toContainText(/0\d{2,3}[ .]?\d{3}[ .]?\d{3}/);
  await expectAccessible(page, testInfo);
});

test("a viewer limited to one unit sees only that unit", async ({ page, context, baseURL }, testInfo) => {
  test.setTimeout(180_000);
  await signInAsLimitedViewer(context, "huyen-tam-duong", baseURL!);
  await page.goto(`/results/${ROUND}`);
  await expectPage(page.getByText("Bạn chỉ xem kết quả của các đơn vị được giao.")).toBeVisible();
  const rows = page.locator("table.ranking-table tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute("data-unit", "huyen-tam-duong");
  await expectAccessible(page, testInfo);
  expect((await page.request.get(`/results/${ROUND}/so-noi-vu`)).status()).toBe(404);
  await page.goto(`/results/${ROUND}/huyen-tam-duong`);
  await expectPage(page.getByRole("heading", { level: 1 })).toHaveText("Phiếu kết quả: Huyện Tam Đường");
});
