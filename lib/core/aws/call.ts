import "server-only";
import { awsClient, type ConnectionSettings } from "./clients";
import { mapAwsError } from "./errors";
import { partialFailure } from "./partial-failures";
import { AwsOperationError } from "@/lib/core/errors";
import { SERVICES, isAwsService } from "./services";

export type AwsCallResult = { output: Record<string, unknown>; requestId?: string };

type Sendable = { send(command: unknown): Promise<Record<string, unknown> & { $metadata?: { requestId?: string } }> };

/**
 * Sends one AWS request by service and operation name, as plan steps describe them.
 * Errors come back as AwsOperationError (see errors.ts).
 */
export async function callAws(
  conn: ConnectionSettings,
  region: string,
  service: string,
  operation: string,
  input: Record<string, unknown>,
): Promise<AwsCallResult> {
  const ctx = { service, operation, connectionName: conn.name, endpoint: conn.endpointUrl ?? undefined };
  if (!isAwsService(service)) throw mapAwsError(new Error(`Portside has no client for service ${service}`), ctx);
  const Command = SERVICES[service].commands[`${operation}Command`];
  if (!Command) throw mapAwsError(new Error(`Unknown operation ${service}:${operation}`), ctx);
  try {
    const client = awsClient(conn, region, service) as unknown as Sendable;
    const { $metadata, ...output } = await client.send(new Command(input));
    const refused = partialFailure(output);
    if (refused) {
      throw new AwsOperationError(`${operation} failed: ${refused.message}`, { code: refused.code, service, operation, requestId: $metadata?.requestId, httpStatus: 200 });
    }
    return { output, requestId: $metadata?.requestId };
  } catch (error) {
    throw mapAwsError(error, ctx);
  }
}
