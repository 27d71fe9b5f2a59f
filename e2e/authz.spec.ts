import { expect, test } from "@playwright/test";
import { login } from "./fixtures/auth";
import { query, seedUser } from "./fixtures/db";
import { sandbox } from "./fixtures/sandbox";

test.beforeAll(async () => {
  await sandbox.reset();
});

test("a viewer calling the create-cluster action directly is refused, with no AWS call and no run", async ({ page, browser }) => {
  // An operator's browser reveals the action's id, as anyone could read it from the page.
  const operator = await seedUser("operator");
  await login(page, operator.email, operator.password);
  await page.goto("/ecs/clusters/new");
  await page.getByLabel("Cluster name").fill("probe");
  await expect(page.getByLabel("Cluster name")).toHaveValue("probe");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Next" }).click();
  const previewRequest = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await page.getByRole("button", { name: "Review" }).click();
  const preview = await previewRequest;
  await expect(page.getByRole("list", { name: "Plan steps" })).toBeVisible();
  const createRequest = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await page.getByRole("button", { name: "Create cluster" }).click();
  const create = await createRequest;
  expect(create.headers()["next-action"]).not.toBe(preview.headers()["next-action"]);

  const viewer = await seedUser("viewer");
  const viewerContext = await browser.newContext();
  const viewerPage = await viewerContext.newPage();
  await login(viewerPage, viewer.email, viewer.password);

  // The wizard page itself sends a viewer away…
  await viewerPage.goto("/ecs/clusters/new");
  await expect(viewerPage).toHaveURL(/\/forbidden\?needed=operator/);

  // …and both of its actions refuse when the viewer replays a valid request to them.
  await sandbox.resetCalls();
  for (const captured of [preview, create]) {
    const replay = captured.postDataBuffer()!.toString("utf8").replace("probe", "viewer-made-this");
    const response = await viewerPage.request.post(captured.url(), {
      headers: { "next-action": captured.headers()["next-action"]!, "content-type": captured.headers()["content-type"]!, accept: "text/x-component" },
      data: Buffer.from(replay),
    });
    expect(await response.text()).toContain("Your role cannot create clusters: it needs the operator role.");
  }
  expect((await sandbox.calls()).total).toBe(0);
  expect(await query(`SELECT id FROM "PlanRun" WHERE $1 = ANY(resources)`, ["ecs:cluster/viewer-made-this"])).toHaveLength(0);
  await viewerContext.close();
});

test("viewers and operators cannot manage connections or users", async ({ page }) => {
  const operator = await seedUser("operator");
  await login(page, operator.email, operator.password);
  await page.goto("/settings/connections");
  await expect(page.getByRole("link", { name: "Add connection" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Users" })).toHaveCount(0);
  await page.goto("/settings/users");
  await expect(page).toHaveURL(/\/forbidden\?needed=admin/);
});
