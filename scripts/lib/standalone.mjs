// The standalone server Next builds (.next/standalone/server.js) serves .next/static and public
// from its own folder, and `next build` does not put them there. `npm start` links them in;
// the container image copies them (scripts/assemble-image.mjs). Both then run server.js the same way.
import fs from "node:fs";
import path from "node:path";

export const standaloneDir = (root) => path.join(root, ".next", "standalone");

/** Make .next/standalone servable in place: static files and public/ linked from the build. */
export function linkStandaloneAssets(root) {
  const dir = standaloneDir(root);
  for (const [target, link] of [
    [path.join(root, ".next", "static"), path.join(dir, ".next", "static")],
    [path.join(root, "public"), path.join(dir, "public")],
  ]) {
    if (!fs.existsSync(target)) continue;
    fs.rmSync(link, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.symlinkSync(target, link, "dir");
  }
}

/**
 * The environment server.js runs with, wherever it runs: where to listen, Portside's own signal
 * handling (lib/core/health/shutdown.ts), and keep-alive longer than a load balancer's idle timeout
 * (ALB: 60 s) so the balancer never reuses a connection the server is closing.
 */
export function serverEnv({ host, port, nodeOptions }) {
  return {
    HOSTNAME: host,
    PORT: String(port),
    NODE_ENV: "production",
    NEXT_MANUAL_SIG_HANDLE: "true",
    KEEP_ALIVE_TIMEOUT: process.env.KEEP_ALIVE_TIMEOUT ?? "65000",
    NODE_OPTIONS: nodeOptions,
  };
}
