import "server-only";
import { db } from "@/lib/core/db/client";
import { ConflictError, NotFoundError } from "@/lib/core/errors";
import { seal } from "@/lib/core/security/secret-box";
import type { ConnectionInput } from "@/lib/core/connections/schema";

/** What the browser may see of a connection: never the secret, only whether one is stored. */
export type ConnectionView = {
  id: string;
  name: string;
  kind: string;
  defaultRegion: string;
  regions: string[];
  endpointUrl: string | null;
  profile: string | null;
  roleArn: string | null;
  externalId: string | null;
  accessKeyId: string | null;
  hasSecret: boolean;
  lastTestedAt: Date | null;
  lastTestOk: boolean | null;
  lastTestInfo: string | null;
};

const VIEW = {
  id: true, name: true, kind: true, defaultRegion: true, regions: true, endpointUrl: true, profile: true,
  roleArn: true, externalId: true, accessKeyId: true, secretCipher: true, lastTestedAt: true, lastTestOk: true, lastTestInfo: true,
} as const;

function toView({ secretCipher, ...rest }: { secretCipher: string | null } & Omit<ConnectionView, "hasSecret">): ConnectionView {
  return { ...rest, hasSecret: Boolean(secretCipher) };
}

export async function listConnections(): Promise<ConnectionView[]> {
  const rows = await db().connection.findMany({ select: VIEW, orderBy: { createdAt: "asc" } });
  return rows.map(toView);
}

export async function getConnectionView(id: string): Promise<ConnectionView> {
  const row = await db().connection.findUnique({ where: { id }, select: VIEW });
  if (!row) throw new NotFoundError("The connection");
  return toView(row);
}

/** Full row, secrets included (encrypted): for lib/aws only, never for rendering. */
export async function getConnectionSettings(id: string) {
  const row = await db().connection.findUnique({ where: { id } });
  if (!row) throw new NotFoundError("The connection");
  return row;
}

export async function saveConnection(input: ConnectionInput) {
  const fields = {
    name: input.name,
    kind: input.kind,
    defaultRegion: input.defaultRegion,
    regions: input.regions,
    endpointUrl: input.endpointUrl ?? null,
    profile: input.kind === "profile" ? (input.profile ?? null) : null,
    roleArn: input.kind === "assume_role" ? (input.roleArn ?? null) : null,
    externalId: input.kind === "assume_role" ? input.externalId || null : null,
    accessKeyId: input.kind === "static_keys" ? (input.accessKeyId ?? null) : null,
    ...(input.kind !== "static_keys" ? { secretCipher: null } : input.secretAccessKey ? { secretCipher: seal(input.secretAccessKey) } : {}),
    lastTestedAt: null,
    lastTestOk: null,
    lastTestInfo: null,
  };
  const clash = await db().connection.findFirst({ where: { name: input.name, NOT: input.id ? { id: input.id } : undefined } });
  if (clash) throw new ConflictError(`A connection named "${input.name}" already exists.`);
  return input.id
    ? db().connection.update({ where: { id: input.id }, data: fields })
    : db().connection.create({ data: fields });
}

export async function recordConnectionTest(id: string, ok: boolean, info: string) {
  await db().connection.update({ where: { id }, data: { lastTestedAt: new Date(), lastTestOk: ok, lastTestInfo: info } });
}
