import "server-only";

/**
 * Sandbox mode (npm start with the local sandbox, and the e2e stack) is the only time a channel may
 * point at this machine, over plain http: the test receivers listen on 127.0.0.1.
 */
export function sandboxMode(): boolean {
  return Boolean(process.env.PORTSIDE_SANDBOX_ENDPOINT) || process.env.PORTSIDE_NOTIFY_ALLOW_LOOPBACK === "1";
}
