import { describe, expect, it } from "vitest";
import { safeRedirect } from "~/features/auth/login-schema";

describe("safeRedirect (issue 17: open redirect after sign-in)", () => {
  it.each([
    "/\t/example.org",
    "/\n/example.org",
    "/\r/example.org",
    "//example.org",
    "/\\example.org",
    "/\\/example.org",
    "https://example.org/admin",
    "javascript:alert(1)",
    "admin",
    "/admin\r\nSet-Cookie: x=1",
  ])("sends %j to the fallback", (to) => {
    expect(safeRedirect(to)).toBe("/admin");
  });

  it.each([
    ["/results/lai-chau-2020", "/results/lai-chau-2020"],
    ["/admin/rounds?status=draft#top", "/admin/rounds?status=draft#top"],
    ["/s/lai-chau-2020/so-noi-vu", "/s/lai-chau-2020/so-noi-vu"],
  ])("keeps a path of this site: %j", (to, expected) => {
    expect(safeRedirect(to)).toBe(expected);
  });

  it("falls back when there is nothing", () => {
    expect(safeRedirect(null)).toBe("/admin");
    expect(safeRedirect("", "/")).toBe("/");
  });
});
