import type { ConnectionView } from "./store";

/** The fields of a connection an audit record shows; secrets only as "changed". */
type Visible = Pick<ConnectionView, "name" | "kind" | "defaultRegion" | "regions" | "endpointUrl" | "profile" | "roleArn" | "externalId" | "accessKeyId">;

type Value = string | string[] | null;

const SHOWN = ["name", "kind", "defaultRegion", "regions", "endpointUrl", "profile", "roleArn", "accessKeyId"] as const;

/**
 * What changed in a connection, as before → after per field, for the audit history. The secret
 * access key and the external id never appear, only that they changed.
 */
export function connectionChange(
  before: Visible | null,
  after: Visible,
  secretChanged: boolean,
): Record<string, { before: Value; after: Value } | "changed"> {
  const out: Record<string, { before: Value; after: Value } | "changed"> = {};
  for (const key of SHOWN) {
    const was = before ? before[key] : null;
    const now = after[key];
    if (JSON.stringify(was) !== JSON.stringify(now)) out[key] = { before: was, after: now };
  }
  if ((before?.externalId ?? null) !== after.externalId) out.externalId = "changed";
  if (secretChanged) out.secretAccessKey = "changed";
  return out;
}
