import { describe, expect, it } from "vitest";
import { cookieHasMark } from "~/features/auth/app-mark";

/** The offline app's check of its stored page against this phone's session (app/features/auth/app-mark.ts, ADR 008). */
describe("cookieHasMark", () => {
  const mark = "0123456789abcdef0123456789abcdef";

  it("finds the mark among other cookies, in any position", () => {
    expect(cookieHasMark(`hl_app=${mark}`, mark)).toBe(true);
    expect(cookieHasMark(`lng=vi; hl_app=${mark}; other=1`, mark)).toBe(true);
  });

  it("refuses another session's mark, a cleared one, a missing one and a look-alike name", () => {
    expect(cookieHasMark("hl_app=ffffffffffffffffffffffffffffffff", mark)).toBe(false);
    expect(cookieHasMark("hl_app=", mark)).toBe(false);
    expect(cookieHasMark("lng=vi", mark)).toBe(false);
    expect(cookieHasMark(`xhl_app=${mark}`, mark)).toBe(false);
    expect(cookieHasMark(`hl_app=${mark}x`, mark)).toBe(false);
  });

  it("refuses everything when the page carries no mark", () => {
    expect(cookieHasMark("hl_app=", "")).toBe(false);
  });
});
