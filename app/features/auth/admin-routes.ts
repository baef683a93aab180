import type { MessageKey } from "~/i18n";
import type { Permission } from "~/domain/auth/permissions";

/**
 * Every staff page, with the permission it needs. The admin menu shows a person the
 * pages their role allows; the role-matrix test (tests/e2e/roles.spec.ts) signs in as
 * each role and opens every page here, expecting 200 or 403 accordingly. A new admin page
 * is added here, and its loader and action call requirePermission with the same string.
 * `$round` stands for a round code.
 */
export interface AdminRoute {
  path: string;
  permission: Permission | null;
  label: MessageKey;
  /** Shown in the menu (pages under a round are reached from the round). */
  inMenu: boolean;
}

export const ADMIN_ROUTES: readonly AdminRoute[] = [
  { path: "/admin", permission: null, label: "admin.heading", inMenu: false },
  { path: "/admin/users", permission: "manage:users", label: "admin.users", inMenu: true },
  { path: "/admin/audit", permission: "read:audit", label: "admin.audit", inMenu: true },
  { path: "/admin/units", permission: "manage:units", label: "admin.units", inMenu: true },
  { path: "/admin/instruments", permission: "manage:instruments", label: "admin.instruments", inMenu: true },
  { path: "/admin/rounds", permission: "manage:rounds", label: "admin.rounds", inMenu: true },
  { path: "/admin/rounds/new", permission: "manage:rounds", label: "admin.newRound", inMenu: false },
  { path: "/admin/par-rules", permission: "manage:rounds", label: "admin.parRules", inMenu: true },
  { path: "/admin/rounds/$round", permission: "manage:rounds", label: "admin.round", inMenu: false },
  { path: "/admin/rounds/$round/frame", permission: "manage:frames", label: "admin.frame", inMenu: false },
  { path: "/admin/rounds/$round/frame/progress", permission: "manage:frames", label: "admin.frame", inMenu: false },
  { path: "/admin/rounds/$round/draw", permission: "manage:frames", label: "admin.draw", inMenu: false },
  {
    path: "/admin/rounds/$round/invitations",
    permission: "manage:invitations",
    label: "admin.invitations",
    inMenu: false,
  },
  {
    path: "/admin/rounds/$round/assignments",
    permission: "manage:assignments",
    label: "admin.assignments",
    inMenu: false,
  },
  { path: "/admin/rounds/$round/progress", permission: "read:progress", label: "admin.progress", inMenu: false },
  { path: "/admin/rounds/$round/paper", permission: "enter:paper", label: "admin.paper", inMenu: false },
  // The officials' dashboard (issue 6, ADR 011): outside /admin, reached from the menu.
  { path: "/results", permission: "read:results", label: "dash.nav", inMenu: true },
  { path: "/results/$round", permission: "read:results", label: "dash.nav", inMenu: false },
  { path: "/results/$round/comments", permission: "read:results", label: "dash.comments", inMenu: false },
  // Supervisor review and back-checks (issue 5): /admin/review is the supervisor's way in.
  { path: "/admin/review", permission: "review:interviews", label: "review.menu", inMenu: true },
  { path: "/admin/rounds/$round/review", permission: "review:interviews", label: "review.heading", inMenu: false },
  {
    path: "/admin/rounds/$round/backchecks",
    permission: "review:interviews",
    label: "backcheck.heading",
    inMenu: false,
  },
  // The enumerator's offline app (issue 5): outside /admin, one document that works offline.
  { path: "/enumerator", permission: "collect:interviews", label: "enum.heading", inMenu: true },
];
