import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test, type Page } from "@playwright/test";
import { login } from "./fixtures/auth";
import { query, seedUser } from "./fixtures/db";
import { stack } from "./fixtures/stack";

const run = promisify(execFile);

/** `npm run audit:verify` against the suite's database: its exit code and what it printed. */
async function auditVerify(): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(process.execPath, ["scripts/audit-verify.mjs"], { env: { ...process.env, DATABASE_URL: stack().databaseUrl } });
    return { code: 0, out: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: failed.stdout + failed.stderr };
  }
}

const change = (page: Page, what: string, subject: string) =>
  page.getByRole("table", { name: "Portside changes" }).getByRole("row").filter({ hasText: what }).filter({ hasText: subject });

test("user, role and connection changes are in the history, chained: audit:verify passes, then finds a record edited in Postgres", async ({ page }) => {
  const admin = await seedUser("admin");
  const colleague = await seedUser("viewer");
  await login(page, admin.email, admin.password);

  // A user, a role change, a connection: each through the pages an admin uses.
  await page.goto("/settings/users");
  const email = `audited-${admin.id}@e2e.test`;
  await page.getByLabel("Name").fill("Audited Person");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Initial password").fill(`copper harbour ${admin.id} lantern`);
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Created ${email} as viewer.` })).toBeVisible();
  await page.getByLabel(`Role of ${colleague.email}`).selectOption("operator");
  await page.getByRole("row").filter({ hasText: colleague.email }).getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("row").filter({ hasText: colleague.email }).getByRole("status")).toBeVisible();

  const connection = `Audited ${Date.now()}`;
  await page.goto("/settings/connections/new");
  await page.getByRole("textbox", { name: "Name" }).fill(connection);
  await page.getByLabel("Custom endpoint (optional)").fill(stack().sandboxEndpoint);
  await page.getByLabel("Default region").selectOption("eu-west-1");
  await page.getByRole("button", { name: "Add connection" }).click();
  await expect(page).toHaveURL(/\/settings\/connections$/);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Portside changes" }).click();
  await expect(page.getByRole("heading", { name: "Portside changes" })).toBeVisible();
  await expect(change(page, "created user", email)).toContainText(admin.email);
  await expect(change(page, "changed role or state of", colleague.email)).toContainText("role viewer → operator");
  await expect(change(page, "added connection", connection)).toContainText("defaultRegion eu-west-1");
  await expect(page.getByRole("status").filter({ hasText: /^Verified: \d+ records? in an unbroken chain/ })).toBeVisible();

  const ok = await auditVerify();
  expect(ok.out).toMatch(/audit chain OK: \d+ record\(s\) verified/);
  expect(ok.code).toBe(0);

  // Someone with database access rewrites history: the role change now says "admin".
  const [row] = await query<{ seq: string; detail: unknown }>(
    `SELECT seq::text AS seq, detail FROM "AuditEvent" WHERE action = 'user.update' AND target = $1 ORDER BY seq DESC LIMIT 1`,
    [colleague.email],
  );
  expect(row).toBeDefined();
  try {
    await query(`UPDATE "AuditEvent" SET detail = jsonb_set(detail, '{role,1}', '"admin"') WHERE seq = $1`, [row!.seq]);
    const broken = await auditVerify();
    expect(broken.code).toBe(1);
    expect(broken.out).toContain(`audit chain BROKEN at record ${row!.seq} (user.update`);
    expect(broken.out).toContain("was edited after it was written");
    await page.reload();
    await expect(page.getByRole("alert").filter({ hasText: "The audit chain is broken" })).toContainText(`Record ${row!.seq} (user.update`);
  } finally {
    await query(`UPDATE "AuditEvent" SET detail = $2 WHERE seq = $1`, [row!.seq, JSON.stringify(row!.detail)]);
  }
  expect((await auditVerify()).code).toBe(0);
});

test("only an admin sees Portside changes", async ({ page }) => {
  const operator = await seedUser("operator");
  await login(page, operator.email, operator.password);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Portside changes" })).toHaveCount(0);
  await page.goto("/history/changes");
  await expect(page).toHaveURL(/\/forbidden/);
});
