import { describe, expect, it } from "vitest";
import { prisma } from "~/db/prisma.server";
import { hashPassword } from "~/domain/auth/password.server";
import { MAX_FAILED_LOGINS, verifyLogin } from "~/features/auth/login.server";
import { createStaff } from "./fixtures";

async function staffWithPassword(password: string) {
  const staff = await createStaff("viewer");
  await prisma.user.update({ where: { id: staff.id }, data: { passwordHash: await hashPassword(password) } });
  return staff;
}

describe("verifyLogin (issue 17)", () => {
  it("locks the account when ten wrong passwords arrive at once, and checks no more than five", async () => {
    const staff = await staffWithPassword("mat-khau-dung");
    const results = await Promise.all(Array.from({ length: 10 }, () => verifyLogin(staff.email, "sai")));
    const row = await prisma.user.findUniqueOrThrow({ where: { id: staff.id } });
    expect(row.lockedUntil).not.toBeNull();
    expect(results.filter((r) => !r.ok && r.reason === "locked").length).toBeGreaterThanOrEqual(10 - (MAX_FAILED_LOGINS - 1));
    expect(await verifyLogin(staff.email, "mat-khau-dung")).toMatchObject({ ok: false, reason: "locked" });
  });

  it("still signs in with the right password after fewer than five failures, and starts the count again", async () => {
    const staff = await staffWithPassword("mat-khau-dung");
    for (let i = 0; i < MAX_FAILED_LOGINS - 1; i++) expect(await verifyLogin(staff.email, "sai")).toMatchObject({ ok: false, reason: "invalid" });
    expect(await verifyLogin(staff.email, "mat-khau-dung")).toEqual({ ok: true, userId: staff.id });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: staff.id } })).failedLogins).toBe(0);
  });

  it("answers an unknown email as a wrong password", async () => {
    expect(await verifyLogin("khong-co@hailong.test", "sai")).toEqual({ ok: false, reason: "invalid" });
  });
});
