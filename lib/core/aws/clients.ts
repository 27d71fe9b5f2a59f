import "server-only";
import { fromIni, fromNodeProviderChain, fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@smithy/types";
import { open } from "@/lib/core/security/secret-box";
import { SERVICES, type AwsServiceName } from "./services";

/** What clients need to know about a connection (a Prisma Connection row satisfies it). */
export type ConnectionSettings = {
  id: string;
  name: string;
  kind: "sandbox" | "default_chain" | "profile" | "assume_role" | "static_keys";
  endpointUrl: string | null;
  profile: string | null;
  roleArn: string | null;
  externalId: string | null;
  accessKeyId: string | null;
  secretCipher: string | null;
  updatedAt: Date;
};

type ClientOf<S extends AwsServiceName> = InstanceType<(typeof SERVICES)[S]["Client"]>;

// The sandbox accepts any signature; these are moto's conventional test keys.
const SANDBOX_CREDENTIALS: AwsCredentialIdentity = { accessKeyId: "test", secretAccessKey: "test" };

function credentialsFor(conn: ConnectionSettings): AwsCredentialIdentity | AwsCredentialIdentityProvider {
  switch (conn.kind) {
    case "sandbox":
      return SANDBOX_CREDENTIALS;
    case "default_chain":
      return fromNodeProviderChain();
    case "profile":
      return fromIni({ profile: conn.profile ?? undefined });
    case "assume_role":
      return fromTemporaryCredentials({
        params: {
          RoleArn: conn.roleArn ?? "",
          RoleSessionName: "portside",
          ExternalId: conn.externalId ?? undefined,
        },
        // The role is assumed with whatever the host provides (instance role, env, profile).
        masterCredentials: fromNodeProviderChain(),
        clientConfig: conn.endpointUrl ? { endpoint: conn.endpointUrl } : undefined,
      });
    case "static_keys":
      if (!conn.accessKeyId || !conn.secretCipher) throw new Error(`Connection "${conn.name}" has no stored keys`);
      return { accessKeyId: conn.accessKeyId, secretAccessKey: open(conn.secretCipher) };
  }
}

// One client per (connection, region, service). The connection's updatedAt is part of the
// key so that editing a connection takes effect without a restart.
const cache = new Map<string, unknown>();

export function awsClient<S extends AwsServiceName>(conn: ConnectionSettings, region: string, service: S): ClientOf<S> {
  const key = `${conn.id}:${conn.updatedAt.getTime()}:${region}:${service}`;
  const hit = cache.get(key);
  if (hit) return hit as ClientOf<S>;
  const { Client } = SERVICES[service];
  const client = new Client({
    region,
    credentials: credentialsFor(conn),
    endpoint: conn.endpointUrl ?? undefined,
    retryMode: "adaptive",
    maxAttempts: 3,
    // A custom endpoint (the sandbox, an S3-compatible store) has no per-bucket host names.
    ...(service === "s3" && conn.endpointUrl ? { forcePathStyle: true } : {}),
  }) as ClientOf<S>;
  cache.set(key, client);
  return client;
}
