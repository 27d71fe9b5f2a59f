#!/usr/bin/env node
// `npm run audit:verify`: walks the audit history's hash chain (scripts/lib/audit-chain.mjs) and
// prints the first broken link; exit 0 when the chain holds, 1 when it is broken, 2 when it could
// not be read. Reads DATABASE_URL, or else the embedded database of `npm start` (PORTSIDE_DATA_DIR,
// PORTSIDE_PG_PORT): the running one, or started for the check when Portside is not running.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { verifyBatch } from "./lib/audit-chain.mjs";
import { startEmbeddedPostgres } from "./lib/embedded-db.mjs";

const root = path.resolve(import.meta.dirname, "..");
const BATCH = 1000;

async function connect() {
  if (process.env.DATABASE_URL) return { client: await open(process.env.DATABASE_URL), stop: async () => {} };
  const dataDir = path.resolve(root, process.env.PORTSIDE_DATA_DIR ?? ".portside");
  const passwordFile = path.join(dataDir, "pg-password");
  if (!fs.existsSync(passwordFile)) throw new Error(`no database: set DATABASE_URL, or run npm start once (no ${passwordFile})`);
  const port = Number(process.env.PORTSIDE_PG_PORT ?? 54329);
  const password = fs.readFileSync(passwordFile, "utf8").trim();
  const url = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/portside`;
  try {
    return { client: await open(url), stop: async () => {} };
  } catch (error) {
    if (error?.code !== "ECONNREFUSED") throw error;
    const server = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg"), passwordFile, port });
    return { client: await open(server.url), stop: server.stop };
  }
}

async function open(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

async function main() {
  const { client, stop } = await connect();
  try {
    const state = {};
    let after = -1n;
    for (;;) {
      const { rows } = await client.query(
        `SELECT seq::text AS seq, at AT TIME ZONE 'UTC' AS at, "actorId", "actorEmail", action, target, detail, "prevHash", hash
           FROM "AuditEvent" WHERE seq > $1 ORDER BY seq LIMIT ${BATCH}`,
        [after.toString()],
      );
      if (rows.length === 0) break;
      const broken = verifyBatch(rows, state);
      if (broken) {
        console.log(`audit chain BROKEN at record ${broken.seq} (${broken.action}, ${new Date(broken.at).toISOString()}): it ${broken.reason}.`);
        console.log(`${(state.checked ?? 1) - 1} record(s) before it verified.`);
        return 1;
      }
      after = BigInt(rows[rows.length - 1].seq);
    }
    const chained = (state.checked ?? 0) - (state.unchained ?? 0);
    console.log(`audit chain OK: ${chained} record(s) verified${state.unchained ? `, after ${state.unchained} from before the chain began` : ""}.`);
    if (state.prev) console.log(`newest link: ${state.prev}`);
    return 0;
  } finally {
    await client.end();
    await stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`audit:verify could not read the history: ${error.message}`);
    process.exit(2);
  },
);
