import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { signInAs } from "../support/e2e";

/** WCAG 2.2 AA (and everything below it) as axe names the rules. */
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/**
 * No accessibility violations on the page as it is now. axe runs as a script in the
 * page, so in the no-JavaScript project it is skipped (the markup is the same
 * server-rendered HTML that the JavaScript project checks). Legacy mode runs axe.run in
 * the page itself; the default mode opens a second blank page per check to merge frame
 * results, which cost seconds per check on a loaded 2-core machine, and the app has no
 * iframes to merge.
 */
export async function expectAccessible(page: Page, testInfo: TestInfo) {
  if (testInfo.project.use.javaScriptEnabled === false) return;
  // The PostgreSQL pass (test:e2e:pg) re-runs specs for what the database does; the pages'
  // markup is the same as in the SQLite pass, which has already checked every one of them.
  // Skipping axe there saves ~2 s per page on CI's 2 cores (ADR 015).
  if (process.env.HAILONG_TEST_POSTGRES_URL) return;
  const results = await new AxeBuilder({ page }).setLegacyMode(true).withTags(WCAG_TAGS).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`)).toEqual([]);
}

export const jsEnabled = (testInfo: TestInfo) => testInfo.project.use.javaScriptEnabled !== false;

/** Answer every question on the current step: likert with `likert`, others with their first option. */
export async function answerStep(page: Page, likert = "Rất hài lòng") {
  const groups = page.getByRole("radiogroup");
  for (const group of await groups.all()) {
    const wanted = group.getByRole("radio", { name: likert, exact: true });
    if ((await wanted.count()) > 0) await wanted.check();
    else await group.getByRole("radio").first().check();
  }
  const checkboxes = page.getByRole("checkbox");
  if ((await checkboxes.count()) > 0) await checkboxes.first().check();
}

/**
 * The unit's row in the dashboard's ranking: its questionnaire count and index. The results
 * are for officials now (docs/decisions/011-dashboard.md), so this signs the page's
 * browser context in as the demo viewer first.
 */
export async function readUnitResult(page: Page, round: string, unit: string) {
  await signInAs(page.context(), "viewer", test.info().project.use.baseURL!);
  await page.goto(`/results/${round}`);
  const row = page.locator(`tr[data-unit="${unit}"]`);
  const n = Number(await row.getByTestId("unit-n").innerText());
  const indexText = await row.getByTestId("unit-index").innerText();
  return { n, index: Number(indexText.replace(/\./g, "").replace(",", ".")) };
}

/**
 * Click a button that moves to another page and wait until the new page is there. With
 * JavaScript the old page stays on screen while the next one loads, so answering right
 * after the click would answer the old page.
 */
export async function clickThrough(page: Page, button: string) {
  const before = page.url();
  await page.getByRole("button", { name: button }).click();
  await page.waitForURL((url) => url.toString() !== before, { waitUntil: "commit" });
  // Without JavaScript the new page streams in: wait until it is parsed whole, not only
  // its first questions. With JavaScript this resolves at once.
  await page.waitForLoadState("domcontentloaded");
  await page.locator(`main[data-route="${new URL(page.url()).pathname}"]`).waitFor();
}

/** From the unit's link to its review page, answering every step. */
export async function answerToReview(page: Page, round: string, unit: string, likert = "Rất hài lòng") {
  await page.goto(`/s/${round}/${unit}`);
  await clickThrough(page, "Bắt đầu");
  while (!/\/review$/.test(page.url())) {
    await answerStep(page, likert);
    await clickThrough(page, "Tiếp tục");
  }
}
