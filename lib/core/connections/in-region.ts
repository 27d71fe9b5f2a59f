import "server-only";
import { ConflictError } from "@/lib/core/errors";
import { getConnectionSettings } from "./store";

/** A stored connection's settings, refused when it is not set up for the region a request names. */
export async function connectionInRegion(input: { connectionId: string; region: string }) {
  const conn = await getConnectionSettings(input.connectionId);
  if (!conn.regions.includes(input.region)) throw new ConflictError(`Connection "${conn.name}" is not set up for ${input.region}.`);
  return conn;
}
