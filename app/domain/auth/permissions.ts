/**
 * Roles and what each may do. Permissions are typed strings, so a typo in a route's
 * `requirePermission(request, "manage:rounds")` fails the type check (docs/style.md, after
 * Epic Stack's permission strings). Scoped data ("own units") is filtered in the queries
 * by `unitScope` (session.server.ts) as well.
 */
export const ROLES = ["admin", "supervisor", "enumerator", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  "manage:users",
  "read:audit",
  "manage:units",
  "manage:instruments",
  "manage:rounds",
  "manage:frames",
  "read:frame-contacts",
  "manage:invitations",
  "manage:assignments",
  "read:progress",
  "enter:paper",
  "collect:interviews",
  "review:interviews",
  "read:results",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  supervisor: [
    "manage:assignments",
    "read:progress",
    "review:interviews",
    "enter:paper",
    "read:results",
    "read:frame-contacts",
  ],
  enumerator: ["collect:interviews", "enter:paper", "read:frame-contacts"],
  viewer: ["read:results"],
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function roleCan(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Roles whose data is limited to their assigned units (a viewer only when marked limited). */
export function isUnitScoped(user: { role: string; limitedToUnits: boolean }): boolean {
  return user.role === "supervisor" || user.role === "enumerator" || (user.role === "viewer" && user.limitedToUnits);
}
