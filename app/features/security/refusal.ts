import { translate, type MessageKey } from "~/i18n";
import { checkRequestOrigin, type HeaderReader } from "./origin";

/**
 * What the HTTP server answers, before the app runs, to a state-changing request from
 * another site: 403 with a page in Vietnamese and English (it cannot know the person's
 * language without trusting the very request it refuses), or JSON for the APIs and
 * Remix's data requests. No script, no inline style: it passes the same CSP.
 */
export interface Refusal {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function refusalPage(
  headingKey: MessageKey,
  bodyKey: MessageKey,
  params: Record<string, string | number> = {},
): string {
  const section = (lang: "vi" | "en") => `<section lang="${lang}">
<h${lang === "vi" ? 1 : 2}>${escapeHtml(translate(lang, headingKey))}</h${lang === "vi" ? 1 : 2}>
<p>${escapeHtml(translate(lang, bodyKey, params))}</p>
<p><a href="/">${escapeHtml(translate(lang, "security.backHome"))}</a></p>
</section>`;
  return `<!DOCTYPE html>
<html lang="vi">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(
    translate("vi", headingKey),
  )} — Hài Lòng</title></head>
<body><main>
${section("vi")}
<hr>
${section("en")}
</main></body>
</html>
`;
}

/** Requests whose answer is read by code, not shown as a page. */
export function wantsJson(pathname: string, accept: string | null | undefined): boolean {
  return pathname.startsWith("/api/") || pathname.endsWith(".data") || /application\/json/.test(accept ?? "");
}

/** The refusal for a request that fails the Origin check, or null to let it through. */
export function screenOrigin(method: string, pathname: string, header: HeaderReader): Refusal | null {
  const verdict = checkRequestOrigin(method, header);
  if (verdict.ok) return null;
  const headers = { "Cache-Control": "no-store" };
  if (wantsJson(pathname, header("accept"))) {
    const error = `${translate("vi", "security.crossOriginBody")} / ${translate("en", "security.crossOriginBody")}`;
    return {
      status: 403,
      headers: { ...headers, "Content-Type": "application/json; charset=utf-8" },
      body: JSON.stringify({ error }),
    };
  }
  return {
    status: 403,
    headers: { ...headers, "Content-Type": "text/html; charset=utf-8" },
    body: refusalPage("security.forbiddenHeading", "security.crossOriginBody"),
  };
}
