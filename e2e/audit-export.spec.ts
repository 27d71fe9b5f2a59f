import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { login } from "./fixtures/auth";
import { seedUser } from "./fixtures/db";

type Line = { seq: string; at: string; actor: string; action: string; target: string | null; prevHash: string | null; hash: string | null };

test("an admin downloads the audit history as JSON Lines and CSV, filtered, with the chain links; the export is recorded", async ({ page }) => {
  const admin = await seedUser("admin");
  await login(page, admin.email, admin.password);
  await page.goto("/history/changes");
  const form = page.getByRole("form", { name: "Export the audit history" });

  // CSV of this admin's own actions: the header, then this very export (recorded before the file is written).
  await form.getByLabel("Format").selectOption("csv");
  await form.getByLabel("Actor e-mail").fill(admin.email);
  const [csv] = await Promise.all([page.waitForEvent("download"), form.getByRole("button", { name: "Download" }).click()]);
  expect(csv.suggestedFilename()).toMatch(/^portside-audit-\d{4}-\d{2}-\d{2}T\d{6}\.csv$/);
  const rows = fs.readFileSync((await csv.path())!, "utf8").trimEnd().split("\n");
  expect(rows[0]).toBe("seq,at,actor,action,target,detail,prev_hash,hash");
  expect(rows.slice(1)).toHaveLength(1);
  expect(rows[1]).toContain(`,${admin.email},audit.export,`);

  // Everything as JSON Lines: oldest first, each record linked to the one before it.
  await page.goto("/history/changes");
  await form.getByLabel("Format").selectOption("jsonl");
  const [jsonl] = await Promise.all([page.waitForEvent("download"), form.getByRole("button", { name: "Download" }).click()]);
  const lines = fs.readFileSync((await jsonl.path())!, "utf8").trimEnd().split("\n").map((l) => JSON.parse(l) as Line);
  expect(lines.filter((l) => l.actor === admin.email && l.action === "audit.export")).toHaveLength(2);
  for (let i = 1; i < lines.length; i++) {
    expect(BigInt(lines[i].seq) > BigInt(lines[i - 1].seq)).toBe(true);
    if (BigInt(lines[i].seq) === BigInt(lines[i - 1].seq) + 1n && lines[i].prevHash) expect(lines[i].prevHash).toBe(lines[i - 1].hash);
  }
});

test("a bad filter is refused with a message; viewers and anonymous visitors get no export", async ({ page, request }) => {
  const admin = await seedUser("admin");
  await login(page, admin.email, admin.password);
  for (const [query, message] of [["from=2026-13-40", "from: Use a real date."], ["format=xml", "format"], ["__proto__=1", 'Unknown filter "__proto__".']] as const) {
    const response = await page.request.get(`/api/audit/export?${query}`);
    expect(response.status(), query).toBe(400);
    expect(await response.text()).toContain(message);
  }
  const anonymous = await request.get("/api/audit/export?format=csv", { headers: { cookie: "" } });
  expect(anonymous.status()).toBe(401);
  const viewer = await seedUser("viewer");
  const context = await page.context().browser()!.newContext();
  const viewerPage = await context.newPage();
  await login(viewerPage, viewer.email, viewer.password);
  const refused = await viewerPage.request.get("/api/audit/export");
  expect(refused.status()).toBe(403);
  expect(await refused.text()).not.toContain("seq");
  await context.close();
});
