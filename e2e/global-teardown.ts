import { stack } from "./fixtures/stack";

export default async function globalTeardown() {
  const { pid, oidcPid } = stack();
  if (oidcPid) {
    try {
      process.kill(oidcPid, "SIGTERM");
    } catch {
      // already gone
    }
  }
  try {
    // SIGINT lets the start script stop the panel, the sandbox and Postgres in order.
    process.kill(pid, "SIGINT");
  } catch {
    return;
  }
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  process.kill(-pid, "SIGKILL");
}
