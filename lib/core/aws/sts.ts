import "server-only";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { awsClient, type ConnectionSettings } from "./clients";
import { guarded } from "./guarded";

export type CallerIdentity = { account: string; arn: string; userId: string };

/** Who this connection is in AWS: the cheapest call that proves credentials work. */
export async function getCallerIdentity(conn: ConnectionSettings, region: string): Promise<CallerIdentity> {
  const out = await guarded(conn, "sts", "GetCallerIdentity", () => awsClient(conn, region, "sts").send(new GetCallerIdentityCommand({})));
  return { account: out.Account ?? "", arn: out.Arn ?? "", userId: out.UserId ?? "" };
}
