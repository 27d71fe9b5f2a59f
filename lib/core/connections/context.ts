import "server-only";
import { cookies } from "next/headers";
import { db } from "@/lib/core/db/client";
import { NotFoundError } from "@/lib/core/errors";

const COOKIE = "portside_context";

export type WorkingContext = { connectionId: string; connectionName: string; region: string; regions: string[] };

/** The connection and region the person is looking at; falls back to the first connection. */
export async function getWorkingContext(): Promise<WorkingContext | null> {
  const [savedId, savedRegion] = ((await cookies()).get(COOKIE)?.value ?? "").split("|");
  const conn =
    (savedId ? await db().connection.findUnique({ where: { id: savedId } }) : null) ??
    (await db().connection.findFirst({ orderBy: { createdAt: "asc" } }));
  if (!conn) return null;
  const region = savedRegion && conn.id === savedId && conn.regions.includes(savedRegion) ? savedRegion : conn.defaultRegion;
  return { connectionId: conn.id, connectionName: conn.name, region, regions: conn.regions };
}

export async function setWorkingContext(connectionId: string, region: string): Promise<void> {
  const conn = await db().connection.findUnique({ where: { id: connectionId } });
  if (!conn) throw new NotFoundError("The connection");
  const safeRegion = conn.regions.includes(region) ? region : conn.defaultRegion;
  (await cookies()).set(COOKIE, `${conn.id}|${safeRegion}`, { httpOnly: true, sameSite: "lax", path: "/", maxAge: 365 * 86400 });
}
