/**
 * The import rules of lib/ (ARCHITECTURE "Layering inside lib/"), checked by `npm run lint`:
 * no cycles between modules, and no two folders of lib/ importing each other.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-module-cycles",
      comment: "A module of lib/ never reaches itself again through its imports.",
      severity: "error",
      from: { path: "^lib/" },
      to: { circular: true },
    },
    {
      name: "no-folder-loops",
      comment: "Arrows between the folders of lib/ point one way: no two folders import each other, directly or around a loop.",
      severity: "error",
      scope: "folder",
      from: { path: "^lib/[^/]+" },
      to: { circular: true },
    },
    {
      name: "lib-stays-below-app",
      comment: "lib/ never imports from app/ or components/.",
      severity: "error",
      from: { path: "^lib/" },
      to: { path: "^(app|components)/" },
    },
    {
      name: "components-stay-below-app",
      comment: "components/ never imports from app/: pages compose components, not the other way round.",
      severity: "error",
      from: { path: "^components/" },
      to: { path: "^app/" },
    },
    {
      name: "test-doubles-stay-in-tests",
      comment: "Test doubles and fixtures live under tests/; the product's code never imports them.",
      severity: "error",
      from: { path: "^(lib|app|components)/|^proxy\\.ts$" },
      to: { path: "^tests/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^lib/generated/|\\.test\\.tsx?$)" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"] },
  },
};
