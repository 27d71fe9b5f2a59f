import "server-only";
import type { ConnectionSettings } from "./clients";
import { mapAwsError } from "./errors";

/** Runs one AWS read and turns any failure into an AwsOperationError a person can act on. */
export async function guarded<T>(conn: Pick<ConnectionSettings, "name" | "endpointUrl">, service: string, operation: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw mapAwsError(error, { service, operation, connectionName: conn.name, endpoint: conn.endpointUrl ?? undefined });
  }
}
