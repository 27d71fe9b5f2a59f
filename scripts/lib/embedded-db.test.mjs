import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "./embedded-db.mjs";

const base = path.resolve(import.meta.dirname, "../../.portside/unit-embedded-db");
const dataDir = path.join(base, "pg");
const passwordFile = path.join(base, "pg-password");

async function signIn({ port, password, host = "127.0.0.1" }) {
  const client = new pg.Client({ host, port, user: "postgres", password, database: "postgres" });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.end();
    return "ok";
  } catch (e) {
    return e.code ?? e.message;
  }
}

fs.rmSync(base, { recursive: true, force: true });
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

describe("embedded PostgreSQL password", () => {
  it("moves a folder initialised with postgres/postgres (and a trusting pg_hba.conf) to a generated password", async () => {
    const legacy = await startEmbeddedPostgres({ dataDir, port: 0, password: "postgres" });
    await legacy.stop();
    // Older folders, or a hand-edited one: local connections let in without a password.
    const hba = path.join(dataDir, "pg_hba.conf");
    fs.writeFileSync(hba, `local all all trust\n${fs.readFileSync(hba, "utf8")}`);

    const pgServer = await startEmbeddedPostgres({ dataDir, port: 0, passwordFile });
    try {
      const password = fs.readFileSync(passwordFile, "utf8").trim();
      expect(password).toMatch(/^[0-9a-f]{48}$/);
      expect(fs.statSync(passwordFile).mode & 0o777).toBe(0o600);
      expect(fs.existsSync(`${passwordFile}.new`)).toBe(false);
      expect(pgServer.url).toContain(password);
      expect(await signIn({ port: pgServer.port, password: "postgres" })).toBe("28P01");
      expect(await signIn({ port: pgServer.port, password })).toBe("ok");
      expect(fs.readFileSync(hba, "utf8")).not.toMatch(/^[^#\n]*\btrust\s*$/m);
      // The unix socket asks for the password too.
      expect(await signIn({ port: pgServer.port, password: "wrong", host: `${dataDir}-run` })).toBe("28P01");
    } finally {
      await pgServer.stop();
    }

    // The next start keeps the saved password.
    const before = fs.readFileSync(passwordFile, "utf8");
    const again = await startEmbeddedPostgres({ dataDir, port: 0, passwordFile });
    try {
      expect(fs.readFileSync(passwordFile, "utf8")).toBe(before);
      expect(await signIn({ port: again.port, password: before.trim() })).toBe("ok");
    } finally {
      await again.stop();
    }
  });

  it("a new folder gets a generated password and refuses postgres/postgres", async () => {
    const dir = path.join(base, "fresh");
    const file = path.join(base, "fresh-password");
    const server = await startEmbeddedPostgres({ dataDir: dir, port: 0, passwordFile: file });
    try {
      const password = fs.readFileSync(file, "utf8").trim();
      expect(await signIn({ port: server.port, password: "postgres" })).toBe("28P01");
      expect(await signIn({ port: server.port, password })).toBe("ok");
      expect(fs.readFileSync(path.join(dir, "pg_hba.conf"), "utf8")).not.toMatch(/^[^#\n]*\btrust\s*$/m);
    } finally {
      await server.stop();
    }
  });
});
