import { z } from "zod";
import { REGION_CODES } from "@/lib/core/aws/regions";

const region = z.string().refine((r) => REGION_CODES.includes(r), "Pick a region from the list.");
const optionalUrl = z
  .string()
  .trim()
  .optional()
  .transform((s) => s || undefined)
  .pipe(z.url({ message: "Enter a full URL such as http://127.0.0.1:4566." }).optional());

export const CONNECTION_KINDS = ["sandbox", "default_chain", "profile", "assume_role", "static_keys"] as const;

export const connectionSchema = z
  .object({
    id: z.string().optional(),
    name: z.string().trim().min(1, "Enter a name.").max(64, "Names are at most 64 characters."),
    kind: z.enum(CONNECTION_KINDS, { message: "Pick how Portside signs in to AWS." }),
    defaultRegion: region,
    regions: z.array(region).default([]),
    endpointUrl: optionalUrl,
    profile: z.string().trim().max(128).optional(),
    roleArn: z.string().trim().optional(),
    externalId: z.string().trim().max(1224).optional(),
    accessKeyId: z.string().trim().optional(),
    // Empty on edit means "keep the stored secret"; it is never sent back to the browser.
    secretAccessKey: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    const need = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (v.kind === "sandbox" && !v.endpointUrl) need("endpointUrl", "The sandbox connection needs its endpoint URL.");
    if (v.kind === "profile" && !v.profile) need("profile", "Enter the profile name from ~/.aws/config.");
    if (v.kind === "assume_role" && !/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@\/-]{1,512}$/.test(v.roleArn ?? "")) {
      need("roleArn", "Enter a role ARN such as arn:aws:iam::123456789012:role/PortsideDeploy.");
    }
    if (v.externalId && !/^[\w+=,.@:\/-]{2,1224}$/.test(v.externalId)) {
      need("externalId", "External ids are 2–1224 characters: letters, digits and + = , . @ : / -");
    }
    if (v.kind === "static_keys") {
      if (!/^(AKIA|ASIA)[A-Z0-9]{12,124}$/.test(v.accessKeyId ?? "")) {
        need("accessKeyId", "Access key ids start with AKIA and are 16–128 capitals and digits.");
      }
      if (!v.id && !v.secretAccessKey) need("secretAccessKey", "Enter the secret access key.");
    }
  })
  .transform((v) => ({ ...v, regions: Array.from(new Set([v.defaultRegion, ...v.regions])) }));

export type ConnectionInput = z.infer<typeof connectionSchema>;
