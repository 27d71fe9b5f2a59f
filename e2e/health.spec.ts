import { expect, test } from "@playwright/test";
import { sandbox } from "./fixtures/sandbox";

// GET /api/health is open on purpose (load balancers and container health checks have no session):
// it must read nothing from the request, call no AWS API, and say only states.
test("the health check answers without a session, says only states, and calls no AWS API", async ({ request }) => {
  await sandbox.quiet();
  await sandbox.resetCalls();
  const response = await request.get("/api/health?__proto__[x]=1&check=%7B", { headers: { cookie: "portside_session=forged" } });
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toBe("no-store");
  expect(response.headers()["content-security-policy"]).toBeTruthy();
  const body = await response.json();
  expect(body).toEqual({ status: "ok", checks: { database: "ok", queue: "ok", live: "shared" } });
  expect(JSON.stringify(body)).not.toMatch(/postgres|password|version|127\.0\.0\.1/i);
  for (const method of ["post", "put", "delete"] as const) expect((await request[method]("/api/health", { data: { a: 1 } })).status()).toBe(405);
  expect((await sandbox.calls()).total).toBe(0);
});
