import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { login } from "./fixtures/auth";
import { query, seedUser } from "./fixtures/db";
import { sandbox } from "./fixtures/sandbox";
import { stack } from "./fixtures/stack";

/**
 * An attacker's view of the built app: every server action id the public chunks name, posted
 * with field names built to pollute Object.prototype or freeze the parser — without a session,
 * then as a viewer and as an admin. Every answer must be a refusal, nothing may reach AWS, and
 * the server must stay healthy.
 */

const CHUNKS = path.resolve(".next/static/chunks");
const ACTION_REF = /createServerReference\)\("([0-9a-f]{40,})"/g;
const PWNED = "/tmp/portside-e2e-pwned";

const HOSTILE: Record<string, Record<string, string>> = {
  "__proto__ segments": {
    "__proto__.polluted": "yes",
    "__proto__.AWS_PROFILE": "attacker",
    "__proto__.credential_process": `touch ${PWNED}`,
  },
  "constructor.prototype": { "constructor.prototype.polluted": "yes", "tags.0.constructor.prototype.polluted": "yes" },
  "a huge list position": { "x.4294967294.y": "v", "tags.100000000.key": "k" },
  "a 4,000-deep name": { [Array.from({ length: 4_000 }, () => "a").join(".")]: "v" },
  "a value and a group at one name": { a: "x", "a.b": "y" },
};

function chunkFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? chunkFiles(path.join(dir, e.name)) : e.name.endsWith(".js") ? [path.join(dir, e.name)] : [],
  );
}

/** Action ids as anyone can read them: each chunk fetched over HTTP, without a session. */
async function publicActionIds(request: APIRequestContext): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const file of chunkFiles(CHUNKS)) {
    const url = `/_next/static/chunks/${path.relative(CHUNKS, file).split(path.sep).join("/")}`;
    const response = await request.get(url);
    expect(response.status(), url).toBe(200);
    for (const match of (await response.text()).matchAll(ACTION_REF)) ids.add(match[1]!);
  }
  return ids;
}

/** Every action the build has, including those only server components reference. */
function manifestActionIds(): string[] {
  const manifest = JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, unknown> };
  return Object.keys(manifest.node);
}

const PROBE_EMAIL = "probe@hostile.test";

/**
 * The request React 19 sends for `action(prevState, formData)`: part 0 the arguments, the form's
 * fields as `_1_<name>`, then the arguments. Every payload carries an e-mail, which the sign-in action echoes: that
 * the echo arrives shows the fields reach the actions as a browser's would.
 */
function post(request: APIRequestContext, id: string, fields: Record<string, string>): Promise<APIResponse> {
  const multipart = new FormData();
  for (const [name, value] of Object.entries({ email: PROBE_EMAIL, ...fields })) multipart.append(`_1_${name}`, value);
  // The arguments come last, as React sends them: the server resolves them as soon as they arrive.
  // (A FormData, not an object: an object would put the integer-like key "0" first.)
  multipart.append("0", JSON.stringify([{ ok: false }, "$K1"]));
  return request.post("/login", { headers: { "next-action": id, accept: "text/x-component" }, multipart, maxRedirects: 0, timeout: 5_000 });
}

const serverErrors = () => (fs.readFileSync(stack().logFile, "utf8").match(/TypeError|RangeError|Maximum call stack|\[action\].*failed/g) ?? []).length;

test.describe.configure({ mode: "serial" });

let ids: string[] = [];
let login_: string | undefined;
let logout: string | undefined;

test.beforeAll(async () => {
  await sandbox.reset();
  fs.rmSync(PWNED, { force: true });
});

test("the public chunks name the server actions, and the build has no action they miss but server-rendered forms", async ({ request }) => {
  const fromChunks = await publicActionIds(request);
  const all = manifestActionIds();
  expect(fromChunks.size).toBeGreaterThan(50);
  for (const id of fromChunks) expect(all).toContain(id);
  ids = all;
});

test("anonymous posts of hostile field names to every action are refused, and the server stays healthy", async ({ request, page }) => {
  expect(ids.length).toBeGreaterThan(50);
  await sandbox.quiet();
  await sandbox.resetCalls();
  const runsBefore = (await query(`SELECT count(*)::int AS n FROM "PlanRun"`))[0]!.n;
  const errorsBefore = serverErrors();

  for (const id of ids) {
    for (const [attack, fields] of Object.entries(HOSTILE)) {
      const started = Date.now();
      const response = await post(request, id, fields);
      const text = await response.text();
      expect(Date.now() - started, `${attack} → ${id}`).toBeLessThan(2_000);
      if (response.headers()["x-action-redirect"]?.startsWith("/login")) {
        logout = id; // signing out needs no session; it only clears the cookie
        continue;
      }
      if (text.includes(PROBE_EMAIL)) {
        login_ = id; // the one action without a session reads only its two fields
        continue;
      }
      expect(response.status(), `${attack} → ${id}`).toBe(200);
      expect(text, `${attack} → ${id}`).toContain("Your session has ended. Sign in again.");
    }
  }
  expect(login_).toBeDefined();
  expect(logout).toBeDefined();

  expect((await sandbox.calls()).total).toBe(0);
  expect((await query(`SELECT count(*)::int AS n FROM "PlanRun"`))[0]!.n).toBe(runsBefore);
  expect(serverErrors()).toBe(errorsBefore);
  expect(fs.existsSync(PWNED)).toBe(false);

  const started = Date.now();
  const loginPage = await request.get("/login");
  expect(loginPage.status()).toBe(200);
  expect(Date.now() - started).toBeLessThan(1_000);

  const viewer = await seedUser("viewer");
  await login(page, viewer.email, viewer.password);
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
});

test("a viewer's hostile posts are refused by role or as invalid field names; an admin's as invalid field names, with no AWS call", async ({ browser }) => {
  // Every action of the build, each attack, for two roles: the time grows with the number of actions.
  test.setTimeout(240_000);
  for (const role of ["viewer", "admin"] as const) {
    const user = await seedUser(role);
    const context = await browser.newContext();
    const page = await context.newPage();
    await login(page, user.email, user.password);
    // Away from the Overview, whose live view polls AWS: only the posts may be counted.
    await page.goto("/history");
    await sandbox.quiet();
    await sandbox.resetCalls();
    const errorsBefore = serverErrors();
    for (const id of ids.filter((i) => i !== logout && i !== login_)) {
      for (const [attack, fields] of Object.entries(HOSTILE)) {
        const response = await post(page.request, id, fields);
        const text = await response.text();
        const refused = role === "viewer" ? /Your role cannot|Invalid field name/ : /Invalid field name/;
        expect(text, `${role}: ${attack} → ${id}`).toMatch(refused);
      }
    }
    expect((await sandbox.calls()).total).toBe(0);
    expect(serverErrors()).toBe(errorsBefore);
    // The session survived its own hostile posts: the panel still renders for it.
    await page.reload();
    await expect(page.getByRole("heading", { name: "History" })).toBeVisible();
    await context.close();
  }
});

test("malformed URL segments are a 404, for anonymous visitors and signed-in ones alike", async ({ request, page }) => {
  for (const url of ["/ecs/clusters/%E0%A4%A", "/ecs/clusters/web/services/%", "/eks/clusters/%ZZ"]) {
    const anonymous = await request.get(url, { maxRedirects: 0 });
    expect(anonymous.status(), url).toBe(404);
  }
  const viewer = await seedUser("viewer");
  await login(page, viewer.email, viewer.password);
  // Escapes that do not decode, a NUL, a name no AWS resource can have: refused before any AWS read.
  await page.goto("/history"); // away from the Overview's live polling
  await sandbox.quiet();
  await sandbox.resetCalls();
  for (const url of ["/ecs/clusters/%E0%A4%A", "/ecs/clusters/web/services/%E0%A4%A", "/ecs/clusters/a%00b", `/ecs/clusters/${"a".repeat(600)}`, "/api/live/service/a%00b/x"]) {
    const response = await page.request.get(url);
    expect(response.status(), url).toBe(404);
  }
  expect((await sandbox.calls()).total).toBe(0);
});

test("/forbidden prints only a real role name", async ({ page }) => {
  await page.goto("/forbidden?needed=Call%20+1-555-0100%20to%20restore%20access");
  await expect(page.getByText("It needs a higher role.")).toBeVisible();
  await expect(page.getByText("555-0100")).toHaveCount(0);
  await page.goto("/forbidden?needed=admin");
  await expect(page.getByText("It needs the admin role.")).toBeVisible();
});

test("sign-in never leaves Portside, whatever next= says", async ({ page }) => {
  const viewer = await seedUser("viewer");
  const origin = new URL(stack().baseURL).origin;
  for (const next of ["/%5Cevil.example", "/%09/evil.example", "//evil.example", "https://evil.example/", "/\\evil.example"]) {
    await page.context().clearCookies();
    // As an attacker's link carries it: the query is decoded once by the server.
    await page.goto(`/login?next=${next}`);
    await page.getByLabel("Email").fill(viewer.email);
    await page.getByLabel("Password").fill(viewer.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`${origin}/`);
  }
  await page.context().clearCookies();
  await page.goto("/login?next=/history");
  await page.getByLabel("Email").fill(viewer.email);
  await page.getByLabel("Password").fill(viewer.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${origin}/history`);
});

test("every page and route of the build refuses an anonymous visitor before any AWS call", async ({ request }) => {
  const manifest = JSON.parse(fs.readFileSync(".next/server/app-paths-manifest.json", "utf8")) as Record<string, string>;
  // Open by design: the login and error pages, icons, the load balancer's health check (e2e/health.spec.ts),
  // and the SSO routes, which are sign-in itself (e2e/sso.spec.ts tests them hostile).
  const open = new Set(["/login", "/forbidden", "/_not-found", "/_global-error", "/favicon.ico", "/icon.svg", "/api/health", "/api/auth/oidc/start", "/api/auth/oidc/callback"]);
  const entries = Object.keys(manifest)
    .map((key) => ({ kind: key.endsWith("/route") ? "route" : "page", path: key.replace(/\/\([^)]+\)/g, "").replace(/\/(page|route)$/, "").replace(/\[[^\]]+\]/g, "x") || "/" }))
    .filter((e) => !open.has(e.path));
  expect(entries.length).toBeGreaterThan(40);
  await sandbox.quiet();
  await sandbox.resetCalls();
  for (const { kind, path: url } of entries) {
    const response = await request.get(`${url}?pattern=%7B&range=__proto__`, { maxRedirects: 0 });
    if (kind === "page") {
      expect(response.status(), url).toBe(307);
      expect(response.headers().location, url).toMatch(/^\/login/);
    } else {
      // A route answers the methods it has with 401, and the others with 405; it has at least one.
      const post = await request.post(url, { maxRedirects: 0, data: { "__proto__": { polluted: true } } });
      expect([401, 405], url).toContain(response.status());
      expect([401, 405], url).toContain(post.status());
      expect([response.status(), post.status()], url).toContain(401);
    }
  }
  expect((await sandbox.calls()).total).toBe(0);
});
