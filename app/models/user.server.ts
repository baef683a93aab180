import { hashPassword } from "~/domain/auth/password.server";
import type { Role } from "~/domain/auth/permissions";
import { prisma } from "~/db/prisma.server";

export async function listUsers() {
  return prisma.user.findMany({
    orderBy: [{ role: "asc" }, { email: "asc" }],
    include: {
      units: { include: { unit: { select: { name: true } } } },
      _count: { select: { sessions: { where: { revokedAt: null, expiresAt: { gt: new Date() } } } } },
    },
  });
}

/** Whether an account already has this email (the create form's refinement). */
export async function isEmailTaken(email: string): Promise<boolean> {
  return (await prisma.user.findUnique({ where: { email }, select: { id: true } })) !== null;
}

export async function getUserWithUnits(id: string) {
  return prisma.user.findUnique({ where: { id }, include: { units: true } });
}

/** What the audit log keeps of an account: no password hash, ever. */
export function auditView(
  user: { email: string; name: string; role: string; limitedToUnits: boolean; disabledAt: Date | null },
  unitIds: string[],
) {
  return {
    email: user.email,
    name: user.name,
    role: user.role,
    limitedToUnits: user.limitedToUnits,
    disabled: !!user.disabledAt,
    units: unitIds,
  };
}

export async function createUser(input: {
  email: string;
  name: string;
  role: Role;
  password: string;
  limitedToUnits: boolean;
  units: string[];
}) {
  return prisma.user.create({
    data: {
      email: input.email,
      name: input.name,
      role: input.role,
      limitedToUnits: input.limitedToUnits,
      passwordHash: await hashPassword(input.password),
      units: { create: input.units.map((unitId) => ({ unitId })) },
    },
  });
}

export async function updateUser(
  id: string,
  input: { name: string; role: Role; password?: string; limitedToUnits: boolean; disabled: boolean; units: string[] },
) {
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return prisma.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id } });
    const user = await tx.user.update({
      where: { id },
      data: {
        name: input.name,
        role: input.role,
        limitedToUnits: input.limitedToUnits,
        disabledAt: input.disabled ? (before.disabledAt ?? new Date()) : null,
        ...(passwordHash ? { passwordHash, failedLogins: 0, lockedUntil: null } : {}),
      },
    });
    await tx.userUnit.deleteMany({ where: { userId: id } });
    if (input.units.length > 0)
      await tx.userUnit.createMany({ data: input.units.map((unitId) => ({ userId: id, unitId })) });
    // A disabled account or a changed password ends every session at once.
    if (input.disabled || passwordHash) {
      await tx.session.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: new Date() } });
    }
    return user;
  });
}

/** Units to pick from, current ones only, grouped in the form by level. */
export async function listAssignableUnits() {
  return prisma.unit.findMany({
    where: { validTo: null },
    select: { id: true, name: true, level: true },
    orderBy: [{ level: "asc" }, { name: "asc" }],
  });
}
