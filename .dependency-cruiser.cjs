/**
 * The layers of docs/architecture.md, kept by `npm run lint` (dependency-cruiser): an import
 * that points up a layer, or a cycle, fails the build. One direction:
 *
 *   routes (and root.tsx, entry.server.tsx) → features → models → domain → analysis
 *
 * beside them app/db (infrastructure: knows no domain), app/components (the UI kit),
 * app/i18n and app/utils (leaves everyone may use).
 */
const app = (folder) => `^app/${folder}/`;
const SHELL = "^app/(routes/|root\\.tsx$|entry\\.server\\.tsx$)";

/** A rule that forbids `from` importing any of `to`. */
const forbid = (name, comment, from, to) => ({
  name,
  comment,
  severity: "error",
  from: { path: from },
  to: { path: to },
});

module.exports = {
  forbidden: [
    {
      name: "no-cycle",
      comment: "Two modules that import each other cannot be read, tested or moved one at a time.",
      severity: "error",
      from: { path: "^(app|analysis)/" },
      to: { circular: true },
    },
    forbid(
      "analysis-is-pure",
      "analysis/ is a statistics library: no app code.",
      "^analysis/(?!.*\\.test\\.ts$)",
      "^app/",
    ),
    forbid(
      "db-knows-no-domain",
      "app/db is infrastructure: it takes handlers, it imports no app code.",
      app("db"),
      "^app/(?!db/|generated/)",
    ),
    forbid("i18n-is-a-leaf", "Dictionaries import nothing of the app.", app("i18n"), "^app/(?!i18n/)"),
    forbid(
      "utils-are-leaves",
      "Small helpers use only each other and the dictionaries.",
      app("utils"),
      "^app/(?!utils/|i18n/)",
    ),
    forbid(
      "domain-is-pure",
      "Domain rules, schemas and types know no queries, services, views or routes.",
      app("domain"),
      `^app/(features|models|components|db|routes)/|${SHELL}`,
    ),
    forbid(
      "models-below-features",
      "A query module never imports a feature's code, a view or a route.",
      app("models"),
      `^app/(features|components|routes)/|${SHELL}`,
    ),
    forbid(
      "components-are-a-kit",
      "The UI kit shows what it is given: no services, queries or database.",
      app("components"),
      `^app/(features|models|db|routes)/|${SHELL}`,
    ),
    forbid(
      "views-use-no-db",
      "A feature's view (.tsx) gets its data from a loader.",
      "^app/features/.*\\.tsx$",
      app("db"),
    ),
    forbid("features-below-routes", "A feature never imports a route.", app("features"), SHELL),
    forbid("routes-use-models", "Routes reach the database through models and services, not app/db.", SHELL, app("db")),
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^app/generated/" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default"],
      extensions: [".ts", ".tsx", ".js", ".mjs"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
