// Types for start.mjs, for TypeScript tests and benchmarks that need a sandbox.
export type Sandbox = { endpoint: string; port: number; motoUrl: string; motoPort: number; pid: number; stop: () => Promise<void> };
export function startSandbox(options?: {
  port?: number;
  host?: string;
  motoPort?: number;
  log?: ((msg: string) => void) | false;
  startTimeoutMs?: number;
  killOnExit?: boolean;
  env?: Record<string, string>;
  motoCommand?: string;
  agent?: { paused?: boolean; paceMs?: number; tickMs?: number; crashAfterMs?: number; sweepMs?: number; retentionMs?: number };
}): Promise<Sandbox | null>;
