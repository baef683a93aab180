import { describe, expect, it } from "vitest";
import { createSession, getUser } from "~/features/auth/session.server";
import { prisma } from "~/db/prisma.server";
import { createStaff } from "./fixtures";

/** A request carrying the cookie createSession made. */
async function signedIn(userId: string) {
  const setCookie = await createSession(userId, new Request("http://t/login", { headers: { "User-Agent": "test" } }));
  const request = new Request("http://t/account", { headers: { Cookie: setCookie.split(";")[0] } });
  const { id } = await prisma.session.findFirstOrThrow({ where: { userId }, orderBy: { createdAt: "desc" } });
  return { request, id };
}

describe("the signed-in user, read by the session lookup", () => {
  it("is the session's user, with role and scope", async () => {
    const staff = await createStaff("supervisor");
    await prisma.user.update({ where: { id: staff.id }, data: { limitedToUnits: true } });
    const { request, id } = await signedIn(staff.id);
    expect(await getUser(request)).toEqual({ id: staff.id, email: staff.email, name: "supervisor", role: "supervisor", limitedToUnits: true, sessionId: id });
  });

  it("is nobody for an ended, expired or unknown session, or a disabled user", async () => {
    const staff = await createStaff("enumerator");
    const ended = await signedIn(staff.id);
    await prisma.session.update({ where: { id: ended.id }, data: { revokedAt: new Date() } });
    expect(await getUser(ended.request)).toBeNull();
    const expired = await signedIn(staff.id);
    await prisma.session.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await getUser(expired.request)).toBeNull();
    const live = await signedIn(staff.id);
    expect(await getUser(live.request)).not.toBeNull();
    await prisma.user.update({ where: { id: staff.id }, data: { disabledAt: new Date() } });
    expect(await getUser(live.request)).toBeNull();
    expect(await getUser(new Request("http://t/", { headers: { Cookie: "hl_session=forged" } }))).toBeNull();
  });

  it("reads the dates Prisma wrote as the same instants: an hour-old session is seen again, a fresh one is left alone", async () => {
    const staff = await createStaff("viewer");
    const { request, id } = await signedIn(staff.id);
    const hourAgo = new Date(Date.now() - 3_600_000);
    await prisma.session.update({ where: { id }, data: { lastSeenAt: hourAgo, expiresAt: new Date(Date.now() + 60_000) } });
    expect(await getUser(request)).not.toBeNull();
    const seen = (await prisma.session.findUniqueOrThrow({ where: { id } })).lastSeenAt;
    expect(seen.getTime()).toBeGreaterThan(hourAgo.getTime());
    await getUser(request);
    expect((await prisma.session.findUniqueOrThrow({ where: { id } })).lastSeenAt).toEqual(seen);
  });
});
