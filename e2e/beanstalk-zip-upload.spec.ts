import net from "node:net";
import { createHash } from "node:crypto";
import { expect, test, type Page, type Request } from "@playwright/test";
import { makeZip } from "../lib/beanstalk/bundles/zip-test-support";
import { login } from "./fixtures/auth";
import { query, seedUser, type SeededUser } from "./fixtures/db";
import { sandbox } from "./fixtures/sandbox";
import { stack } from "./fixtures/stack";

// The zip upload route (POST /api/beanstalk/bundles) and the actions that name an upload by id, as an
// attacker sees them: refusals come before the body is read, uploads belong to whoever sent them,
// and any other request announcing more than ~1 MB is refused before Next reads it (the request
// stamp). No AWS call in any of it.
test.describe.configure({ mode: "serial" });

const DOCKERRUN = JSON.stringify({ AWSEBDockerrunVersion: "1", Image: { Name: "nginx:1.27" }, Ports: [{ ContainerPort: 80 }] });
const ZIP = makeZip([{ name: "Dockerrun.aws.json", data: DOCKERRUN, deflate: true }, { name: "README.txt", data: "hello" }]);
const ROUTE = "/api/beanstalk/bundles";

type Answer = { status: number; headers: string; body: string };

/** A chunked response body's data (size line, data, CRLF, … until the 0-size chunk). */
function dechunk(b: Buffer): string {
  const parts: Buffer[] = [];
  for (let at = 0; ; ) {
    const eol = b.indexOf("\r\n", at);
    const size = parseInt(b.subarray(at, eol).toString("latin1"), 16);
    if (!size) return Buffer.concat(parts).toString("utf8");
    parts.push(b.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
}

/**
 * One HTTP/1.1 request written by hand on a socket, so a test controls what a client can lie about
 * (a Content-Length with no body, a body longer than announced). Resolves with the first answer as
 * soon as it is complete (Connection: close), or fails after `timeoutMs`.
 */
function raw(head: Record<string, string>, body: Buffer | null, timeoutMs = 10_000, target = `${ROUTE}?name=app.zip`): Promise<Answer> {
  const url = new URL(stack().baseURL);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(url.port), url.hostname);
    let received = Buffer.alloc(0);
    const timer = setTimeout(() => (socket.destroy(), reject(new Error(`no answer within ${timeoutMs} ms to ${JSON.stringify(head)}; got ${JSON.stringify(received.toString("latin1").slice(0, 400))}`))), timeoutMs);
    let closed = false;
    const finish = () => {
      const text = received.toString("latin1");
      const end = text.indexOf("\r\n\r\n");
      if (end < 0) return false;
      // An answer without a length (Node's own 400 for a request it cannot parse) ends with the connection.
      if (closed && !/\r\n(content-length|transfer-encoding):/i.test(text.slice(0, end))) {
        clearTimeout(timer);
        resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)![1]), headers: text.slice(0, end), body: received.subarray(end + 4).toString("utf8") });
        return true;
      }
      const headers = text.slice(0, end);
      const length = /\r\ncontent-length:\s*(\d+)/i.exec(headers);
      const rest = received.subarray(end + 4);
      if (length && rest.length < Number(length[1])) return false;
      if (!length && !/transfer-encoding:\s*chunked/i.test(headers)) return false;
      if (!length && !rest.toString("latin1").includes("0\r\n\r\n")) return false;
      clearTimeout(timer);
      socket.destroy();
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(headers)![1]), headers, body: length ? rest.subarray(0, Number(length[1])).toString("utf8") : dechunk(rest) });
      return true;
    };
    socket.on("data", (chunk) => {
      received = Buffer.concat([received, chunk]);
      finish();
    });
    socket.on("close", () => {
      closed = true;
      finish();
    });
    socket.on("error", (error) => (clearTimeout(timer), reject(error)));
    socket.on("connect", () => {
      const lines = [`POST ${target} HTTP/1.1`, `Host: ${url.host}`, "Connection: close", "Content-Type: application/zip", ...Object.entries(head).map(([k, v]) => `${k}: ${v}`)];
      socket.write(lines.join("\r\n") + "\r\n\r\n");
      if (body) socket.write(body);
    });
  });
}

async function signIn(page: Page, role: "viewer" | "operator"): Promise<{ user: SeededUser; cookie: string }> {
  const user = await seedUser(role);
  await login(page, user.email, user.password);
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  return { user, cookie };
}

const uploadsOf = (userId: string) => query<{ id: string; sha256: string; bytes: Buffer; name: string }>(`SELECT id, sha256, bytes, name FROM "BundleUpload" WHERE "userId" = $1`, [userId]);

test.beforeAll(async () => {
  await sandbox.reset();
});

test("anonymous: 401 at once for a 5 MB announcement whose body never comes", async () => {
  const started = Date.now();
  const answer = await raw({ "Content-Length": String(5 * 1024 * 1024) }, null);
  expect(answer.status).toBe(401);
  // The proxy does not run on this route: the route sets the hardening headers itself.
  expect(answer.headers).toMatch(/\r\ncontent-security-policy:.*frame-ancestors 'none'/i);
  expect(answer.headers).toMatch(/\r\nx-content-type-options: nosniff/i);
  // Nothing of the body was sent: the answer could only come from a server that did not wait for it.
  expect(Date.now() - started).toBeLessThan(5_000);
  // And with a body that is a valid zip: the same refusal, nothing stored.
  const before = (await query<{ n: number }>(`SELECT count(*)::int AS n FROM "BundleUpload"`))[0]!.n;
  expect((await raw({ "Content-Length": String(ZIP.length) }, ZIP)).status).toBe(401);
  expect((await query<{ n: number }>(`SELECT count(*)::int AS n FROM "BundleUpload"`))[0]!.n).toBe(before);
});

test("a viewer is refused (403) and nothing is stored", async ({ page }) => {
  const { user, cookie } = await signIn(page, "viewer");
  const answer = await raw({ Cookie: cookie, "Content-Length": String(5 * 1024 * 1024) }, null);
  expect(answer.status).toBe(403);
  expect((await raw({ Cookie: cookie, "Content-Length": String(ZIP.length) }, ZIP)).status).toBe(403);
  expect(await uploadsOf(user.id)).toEqual([]);
});

test("an operator's refusals: another site's Origin, a missing or too large Content-Length, a body longer than announced", async ({ page }) => {
  const { user, cookie } = await signIn(page, "operator");
  const base = stack().baseURL;

  const crossSite = await raw({ Cookie: cookie, Origin: "https://evil.example", "Content-Length": String(ZIP.length) }, ZIP);
  expect(crossSite.status).toBe(403);
  expect(JSON.parse(crossSite.body).error).toMatch(/Portside's own pages/);

  // Too large: refused from the header alone, though not one byte of the body is sent.
  const oversize = await raw({ Cookie: cookie, Origin: base, "Content-Length": String(5 * 1024 * 1024 + 1) }, null);
  expect(oversize.status).toBe(413);
  expect(JSON.parse(oversize.body).error).toMatch(/at most 5 MB/);

  // No Content-Length (a chunked body could run on without bound): refused before reading.
  const chunked = await raw({ Cookie: cookie, "Transfer-Encoding": "chunked" }, Buffer.from("10\r\n0123456789abcdef\r\n"));
  expect(chunked.status).toBe(413);
  expect(JSON.parse(chunked.body).error).toMatch(/needs a Content-Length/);

  // A body longer than announced: Node's parser refuses the bytes past the announced length as a
  // broken next request (400) — nothing of it becomes an upload. (The route's own cap, reading no
  // byte past Content-Length, is unit-tested in lib/beanstalk/bundles/upload-body.test.ts.)
  const longer = await raw({ Cookie: cookie, "Content-Length": "40" }, ZIP);
  expect(longer.status).toBe(400);
  expect(await uploadsOf(user.id)).toEqual([]);

  // The same operator's good upload: 201 with an id and a label, stored byte for byte for them.
  const good = await raw({ Cookie: cookie, Origin: base, "Content-Length": String(ZIP.length) }, ZIP);
  expect(good.status).toBe(201);
  expect(good.headers).toMatch(/\r\ncontent-security-policy:.*frame-ancestors 'none'/i);
  const { id, label } = JSON.parse(good.body) as { id: string; label: string };
  expect(label).toBe(`app.zip (zip, ${ZIP.length} bytes): contains Dockerrun.aws.json, image nginx:1.27`);
  const [stored] = await uploadsOf(user.id);
  expect(stored).toMatchObject({ id, name: "app.zip", sha256: createHash("sha256").update(ZIP).digest("hex") });
  expect(Buffer.from(stored!.bytes).equals(ZIP)).toBe(true);
});

/** The wizard up to its review with a zip uploaded: the preview action's request, as the browser sent it. */
async function reviewedWizard(page: Page): Promise<{ preview: Request; id: string }> {
  const suffix = Date.now().toString(36);
  await page.goto("/beanstalk/new");
  await expect(page.getByLabel("Platform")).toHaveValue(/running Docker/);
  await page.getByLabel("Create an application (CreateApplication)").check();
  await page.getByLabel("Application name").fill(`upapp-${suffix}`);
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Upload a bundle file").check();
  const uploaded = page.waitForResponse((r) => r.url().includes(ROUTE) && r.request().method() === "POST");
  await page.getByLabel("Bundle file", { exact: true }).setInputFiles({ name: "mine.zip", mimeType: "application/zip", buffer: ZIP });
  const { id } = (await (await uploaded).json()) as { id: string };
  await expect(page.getByTestId("bundle-zip")).toContainText("mine.zip");
  await page.getByLabel("Version label").fill("v1");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Environment name").fill(`upenv-${suffix}`);
  await expect(page.getByTestId("dns-check")).toContainText("is available");
  await page.getByRole("button", { name: "Next" }).click();
  const sent = page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"] && (r.postData() ?? "").includes(id));
  await page.getByRole("button", { name: "Review" }).click();
  const preview = await sent;
  await expect(page.getByRole("list", { name: "Plan steps" })).toContainText("s3:PutObject");
  return { preview, id };
}


test("another person's upload id replayed into the wizard's action: a field error, no AWS call; and a 2 MB action body is refused by Next", async ({ browser }) => {
  test.setTimeout(120_000);
  // Alice's upload, sent as her browser would.
  const alice = await browser.newPage();
  const { cookie } = await signIn(alice, "operator");
  const alicesId = (JSON.parse((await raw({ Cookie: cookie, "Content-Length": String(ZIP.length) }, ZIP)).body) as { id: string }).id;
  await alice.close();

  // Bob reaches the review with his own zip; his preview request is replayed with Alice's id instead.
  const page = await browser.newPage();
  await signIn(page, "operator");
  const { preview, id } = await reviewedWizard(page);
  await page.screenshot({ path: "test-results/beanstalk-zip-upload-review.png", fullPage: true });
  await page.goto("about:blank");
  await sandbox.quiet();
  await sandbox.resetCalls();
  const post = (body: Buffer) =>
    page.request.post(preview.url(), {
      headers: { "next-action": preview.headers()["next-action"]!, "content-type": preview.headers()["content-type"]!, accept: "text/x-component" },
      data: body,
      maxRedirects: 0,
    });
  const original = preview.postDataBuffer()!.toString("latin1");
  const replayed = await post(Buffer.from(original.replaceAll(id, alicesId), "latin1"));
  expect(replayed.status()).toBe(200);
  const text = await replayed.text();
  expect(text).toContain("Choose the zip again");
  expect(text).toContain("bundleZip");
  expect(text).not.toContain("PutObject");
  expect((await sandbox.calls()).total).toBe(0);

  // The same action with a 2 MB field: refused (413) before Next reads it (scripts/lib/request-stamp.cjs).
  const boundary = /boundary=(.+)$/.exec(preview.headers()["content-type"]!)![1]!;
  const padding = `--${boundary}\r\nContent-Disposition: form-data; name="_1_padding"\r\n\r\n${"x".repeat(2 * 1024 * 1024)}\r\n`;
  const closing = original.lastIndexOf(`--${boundary}--`);
  const big = await post(Buffer.from(original.slice(0, closing) + padding + original.slice(closing), "latin1"));
  expect(big.status()).toBe(413);
  expect(await big.text()).toMatch(/Requests to Portside are at most \d+ bytes/);
  expect((await sandbox.calls()).total).toBe(0);

  // Bob's own id in the same request is reviewed: the refusal above was the id's owner, nothing else.
  const own = await (await post(Buffer.from(original, "latin1"))).text();
  expect(own).toContain("PutObject");
  expect(own).not.toContain("Choose the zip again");
});

test("anywhere else, before any session is looked at: an 8 MB announcement is refused at once (413)", async () => {
  for (const target of ["/login", "/", "/beanstalk/new", "/api/beanstalk/bundles/x"]) {
    const started = Date.now();
    const big = await raw({ "Content-Length": String(8 * 1024 * 1024), "Next-Action": "0".repeat(40) }, null, 10_000, target);
    expect(big.status, target).toBe(413);
    // Not one byte of the body was sent: only a server that never waits for it can answer.
    expect(Date.now() - started).toBeLessThan(5_000);
  }
  // A small anonymous post still reaches Portside, which answers it as before (no session: refused).
  const small = await raw({ "Content-Length": "3" }, Buffer.from("a=1"), 10_000, "/login");
  expect(small.status).not.toBe(413);
});

test("while a zip uploads, the wizard's Next waits for it and says why", async ({ page }) => {
  await signIn(page, "operator");
  await page.goto("/beanstalk/new");
  await expect(page.getByLabel("Platform")).toHaveValue(/running Docker/);
  await page.getByLabel("Create an application (CreateApplication)").check();
  await page.getByLabel("Application name").fill(`busy-${Date.now().toString(36)}`);
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Upload a bundle file").check();
  // Hold the upload until the page has been checked mid-flight.
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route(`**${ROUTE}*`, async (route) => {
    await held;
    await route.continue();
  });
  await page.getByLabel("Bundle file", { exact: true }).setInputFiles({ name: "slow.zip", mimeType: "application/zip", buffer: ZIP });
  await expect(page.getByRole("button", { name: "Next" })).toBeDisabled();
  await expect(page.getByText("Waiting for slow.zip to upload.")).toBeVisible();
  release();
  await expect(page.getByTestId("bundle-zip")).toContainText("slow.zip");
  await expect(page.getByRole("button", { name: "Next" })).toBeEnabled();
  await expect(page.getByText("Waiting for slow.zip to upload.")).toHaveCount(0);
});
