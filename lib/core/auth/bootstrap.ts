import "server-only";
import { generatePassword, hashPassword } from "@/lib/core/auth/password";
import { db } from "@/lib/core/db/client";

export const SANDBOX_CONNECTION_NAME = "Local sandbox";

/**
 * First run: an admin account, printed once. PORTSIDE_ADMIN_EMAIL and
 * PORTSIDE_ADMIN_PASSWORD choose them instead (for automation).
 */
async function ensureAdmin(): Promise<void> {
  if ((await db().user.count()) > 0) return;
  const email = process.env.PORTSIDE_ADMIN_EMAIL ?? "admin@portside.local";
  const password = process.env.PORTSIDE_ADMIN_PASSWORD ?? generatePassword();
  try {
    await db().user.create({ data: { email, name: "Administrator", role: "admin", passwordHash: await hashPassword(password) } });
  } catch (error) {
    if (isUniqueViolation(error)) return; // another instance starting at the same moment made it
    throw error;
  }
  const lines = [
    "First run: created the Portside admin account (shown only this once).",
    `  Email:    ${email}`,
    `  Password: ${process.env.PORTSIDE_ADMIN_PASSWORD ? "(from PORTSIDE_ADMIN_PASSWORD)" : password}`,
    "Sign in and add more users under Settings → Users.",
  ];
  console.log(`\n${lines.join("\n")}\n`);
}

/** With the local sandbox running, a connection to it exists so a newcomer can try a wizard at once. */
async function ensureSandboxConnection(): Promise<void> {
  const endpoint = process.env.PORTSIDE_SANDBOX_ENDPOINT;
  if (!endpoint) return;
  const existing = await db().connection.findUnique({ where: { name: SANDBOX_CONNECTION_NAME } });
  if (existing) {
    // The sandbox port can change between starts; keep the connection pointing at it.
    if (existing.endpointUrl !== endpoint) await db().connection.update({ where: { id: existing.id }, data: { endpointUrl: endpoint } });
    return;
  }
  await db()
    .connection.create({
      data: {
        name: SANDBOX_CONNECTION_NAME,
        kind: "sandbox",
        endpointUrl: endpoint,
        defaultRegion: "us-east-1",
        regions: ["us-east-1", "eu-west-1"],
      },
    })
    .catch((error: unknown) => {
      if (!isUniqueViolation(error)) throw error;
    });
}

/** Several instances start together (ECS starts a service's tasks at once): the first one's row wins. */
function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string })?.code === "P2002";
}

export async function bootstrap(): Promise<void> {
  await ensureAdmin();
  await ensureSandboxConnection();
}
