// What the sandbox test files share: whether moto is installed, how an SDK client reaches the
// started sandbox, and how to catch the error a call is expected to fail with.
import { findExecutable } from "./start.mjs";

/** Sandbox tests need moto_server on PATH; without it their describe blocks are skipped. */
export const hasMoto = findExecutable("moto_server") !== null;

/** SDK v3 client settings for a started sandbox: its endpoint, test credentials, no retries. */
export const clientConfig = (endpoint, region = "us-east-1") => ({
  endpoint,
  region,
  credentials: { accessKeyId: "test", secretAccessKey: "test" },
  maxAttempts: 1,
});

/** Await a promise expected to reject, returning the error. */
export async function rejection(promise) {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error("expected the call to fail, it succeeded");
}
