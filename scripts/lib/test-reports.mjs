// Reads the JSON reports of vitest and Playwright into pass/fail counts.
import fs from "node:fs";

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

export function countVitest(file) {
  const report = readJson(file);
  if (!report) return { passed: 0, failed: 0, missing: true };
  return { passed: report.numPassedTests ?? 0, failed: (report.numFailedTests ?? 0) + (report.numTodoTests ?? 0) };
}

export function countPlaywright(file) {
  const report = readJson(file);
  if (!report) return { passed: 0, failed: 0, missing: true };
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats ?? {};
  // A skipped test is a defect here (see DEVELOPERS.md), so it counts as failed.
  return { passed: expected + flaky, failed: unexpected + skipped + (report.errors?.length ?? 0) };
}
