import type { Reporter, TestModule } from "vitest/node";

/**
 * Lists every skipped test at the end of a run, by its full name, which carries the reason
 * (`describeIf`, `itIf`, `describeEachDatabase`): "skipped: DATABASE_URL not set" and the like.
 */
export default class SkippedReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const skipped = new Map<string, number>();
    for (const module of testModules) {
      for (const test of module.children.allTests("skipped")) {
        // One line per skipped describe (its tests share the reason), or per test skipped on its own.
        const name = test.parent.type === "suite" && !test.name.includes("(skipped:") ? test.parent.fullName : test.fullName;
        const key = `${module.moduleId.replace(`${process.cwd()}/`, "")} > ${name}`;
        skipped.set(key, (skipped.get(key) ?? 0) + 1);
      }
    }
    if (skipped.size === 0) return;
    process.stdout.write(`\nSkipped (${[...skipped.values()].reduce((a, b) => a + b, 0)} tests):\n`);
    for (const [name, count] of skipped) process.stdout.write(`  ${name} [${count}]\n`);
  }
}
