import { z } from "zod";
import { familySchema, imageSchema } from "@/lib/ecs/task-definitions/schema";
import { parseTrustedProxies } from "./trusted-proxies";

/**
 * A Secrets Manager secret as the task definition wizard takes it in `secrets[].valueFrom`: its
 * ARN (picked from the region's secrets, or pasted). The name's characters are Secrets Manager's.
 */
export const secretRefSchema = z
  .string()
  .trim()
  .min(1, "Pick a secret or enter its ARN.")
  .max(2048, "Secret ARNs are at most 2048 characters.")
  .regex(
    /^arn:aws[a-z-]*:secretsmanager:[a-z]{2}(-[a-z]+)+-\d:\d{12}:secret:[A-Za-z0-9/_+=.@-]{1,512}$/,
    "Pick a secret, or enter a Secrets Manager secret ARN (arn:aws:secretsmanager:<region>:<account>:secret:<name>) — never the secret's value.",
  );

/** PORTSIDE_TRUSTED_PROXIES: empty (then the prefill notice says what to set), or addresses and CIDR ranges. */
export const trustedProxiesSchema = z
  .string()
  .trim()
  .default("")
  .transform((v, ctx) => {
    const parsed = parseTrustedProxies(v);
    if ("error" in parsed) {
      ctx.addIssue({ code: "custom", message: parsed.error });
      return z.NEVER;
    }
    return parsed.entries.join(",");
  });

/** What "Run Portside on AWS" asks before it opens the task definition wizard prefilled. */
export const selfHostingSchema = z.object({
  family: familySchema.default("portside"),
  image: imageSchema,
  databaseUrlSecret: secretRefSchema,
  secretKeySecret: secretRefSchema,
  actionsKeySecret: secretRefSchema,
  trustedProxies: trustedProxiesSchema,
});

export type SelfHostingInput = z.infer<typeof selfHostingSchema>;
export const SELF_HOSTING_FIELDS = ["family", "image", "databaseUrlSecret", "secretKeySecret", "actionsKeySecret", "trustedProxies"] as const;
