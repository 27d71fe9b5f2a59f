import "server-only";
import { getConnectionSettings } from "./store";
import { getWorkingContext, type WorkingContext } from "./context";

/** The working context with the connection's settings, for pages that read AWS. */
export async function loadWorkingConnection() {
  const context: WorkingContext | null = await getWorkingContext();
  if (!context) return null;
  return { context, conn: await getConnectionSettings(context.connectionId) };
}

/** Runs an AWS read for a page, returning the error instead of throwing so the page can explain it. */
export async function attempt<T>(fn: () => Promise<T>): Promise<{ data: T; error?: undefined } | { data?: undefined; error: unknown }> {
  try {
    return { data: await fn() };
  } catch (error) {
    return { error };
  }
}
