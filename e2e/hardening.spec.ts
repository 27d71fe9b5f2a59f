import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { expect, test, type Page, type Response } from "@playwright/test";
import pg from "pg";
import { login } from "./fixtures/auth";
import { seedUser } from "./fixtures/db";
import { stack, STACK_FILE } from "./fixtures/stack";

type Headers = Record<string, string>;

/** The hardening headers every response carries (issue 17); HSTS only over https, never here. */
function expectHardened(headers: Headers) {
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).toContain("object-src 'none'");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["permissions-policy"]).toMatch(/camera=\(\).*microphone=\(\)/);
  expect(headers["cross-origin-opener-policy"]).toBe("same-origin");
  expect(headers["strict-transport-security"]).toBeUndefined();
}

function nonceOf(headers: Headers): string {
  const nonce = /'nonce-([^']+)'/.exec(headers["content-security-policy"] ?? "")?.[1];
  if (!nonce) throw new Error(`No nonce in ${headers["content-security-policy"]}`);
  return nonce;
}

/** Collects what Chromium reports as Content-Security-Policy violations on `page`. */
function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) seen.push(m.text());
  });
  return seen;
}

function signInPost(page: Page): Promise<Response> {
  return page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/login");
}

test("pages, a server action, a route handler and static files carry the hardening headers", async ({ page, request }) => {
  const violations = cspViolations(page);
  const loginPage = await page.goto("/login");
  expectHardened(await loginPage!.allHeaders());

  const user = await seedUser("operator");
  const posted = signInPost(page);
  await login(page, user.email, user.password);
  expectHardened(await (await posted).allHeaders());

  const panel = await page.goto("/ecs/clusters");
  expectHardened(await panel!.allHeaders());
  const wizard = await page.goto("/ecs/clusters/new");
  expectHardened(await wizard!.allHeaders());
  await expect(page.getByRole("heading").first()).toBeVisible();

  const api = await request.get("/api/runs/no-such-run/events");
  expect(api.status()).toBe(401);
  expectHardened(api.headers());

  const html = await (await request.get("/login")).text();
  const chunk = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  expect(chunk).toBeTruthy();
  const asset = await request.get(chunk!);
  expect(asset.status()).toBe(200);
  expectHardened(asset.headers());

  expect(violations).toEqual([]);
});

test("the CSP nonce is fresh per request and is the one on the page's scripts", async ({ request }) => {
  const [a, b] = [await request.get("/login"), await request.get("/login")];
  const [nonceA, nonceB] = [nonceOf(a.headers()), nonceOf(b.headers())];
  expect(nonceA).not.toBe(nonceB);

  const html = await a.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonceA}"`);
});

test("a page of another origin cannot frame Portside", async ({ page, baseURL }) => {
  // Another origin: the same host on another port.
  const framer = http.createServer((_, res) => {
    res.setHeader("content-type", "text/html");
    res.end(`<!doctype html><title>framer</title><iframe id="victim" src="${baseURL}/login"></iframe>`);
  });
  await new Promise<void>((r) => framer.listen(0, "127.0.0.1", r));
  try {
    const { port } = framer.address() as AddressInfo;
    // The frame's request reaches Portside and is answered; the browser then refuses to show it.
    const answered = page.waitForResponse((r) => r.url() === `${baseURL}/login` && r.frame() !== page.mainFrame());
    await page.goto(`http://127.0.0.1:${port}/`);
    expect((await answered).status()).toBe(200);
    await expect(page.locator("#victim")).toBeAttached();
    await page.waitForTimeout(500);
    await expect(page.frameLocator("#victim").getByRole("button", { name: "Sign in" })).toHaveCount(0);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    expect(frame?.url()).not.toBe(`${baseURL}/login`);
  } finally {
    framer.close();
  }
});

test("a direct client claiming https gets neither a Secure cookie nor HSTS", async ({ browser, baseURL }) => {
  const context = await browser.newContext({
    extraHTTPHeaders: { "X-Forwarded-Proto": "https", "X-Portside-Proto": "https", "X-Forwarded-For": "203.0.113.9" },
  });
  const page = await context.newPage();
  try {
    const user = await seedUser("viewer");
    const loginPage = await page.goto("/login");
    expect((await loginPage!.allHeaders())["strict-transport-security"]).toBeUndefined();
    const posted = signInPost(page);
    await login(page, user.email, user.password);
    const headers = await (await posted).allHeaders();
    expect(headers["strict-transport-security"]).toBeUndefined();
    expect(headers["set-cookie"]).toMatch(/portside_session=/);
    expect(headers["set-cookie"]).not.toMatch(/;\s*secure/i);
    const [cookie] = (await context.cookies(baseURL)).filter((c) => c.name === "portside_session");
    expect(cookie?.secure).toBe(false);
  } finally {
    await context.close();
  }
});

test("the embedded Postgres refuses postgres/postgres and takes the generated password", async () => {
  const port = Number(new URL(stack().databaseUrl).port);
  const password = fs.readFileSync(path.join(path.dirname(STACK_FILE), "data", "pg-password"), "utf8").trim();
  expect(password).not.toBe("postgres");
  expect(fs.statSync(path.join(path.dirname(STACK_FILE), "data", "pg-password")).mode & 0o077).toBe(0);

  const connect = async (pw: string) => {
    const client = new pg.Client({ host: "127.0.0.1", port, user: "postgres", password: pw, database: "portside" });
    client.on("error", () => {});
    await client.connect();
    const { rows } = await client.query<{ one: number }>("SELECT 1 AS one");
    await client.end();
    return rows[0].one;
  };
  await expect(connect("postgres")).rejects.toMatchObject({ code: "28P01" });
  expect(await connect(password)).toBe(1);
});
