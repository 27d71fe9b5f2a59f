import { z } from "zod";
import { environmentTarget } from "@/lib/beanstalk/environments/names";

export const INFO_TYPES = ["tail", "bundle"] as const;
export type InfoType = (typeof INFO_TYPES)[number];

const infoType = z.enum(INFO_TYPES, { message: "Pick the last 100 lines or the full logs." });

/** Ask Elastic Beanstalk to collect logs from every instance (RequestEnvironmentInfo). */
export const requestLogsSchema = z.object({ ...environmentTarget, infoType });
export type RequestLogsInput = z.infer<typeof requestLogsSchema>;

/** Read what it collected since a moment (RetrieveEnvironmentInfo); `since` is epoch ms. */
export const retrieveLogsSchema = z.object({
  ...environmentTarget,
  infoType,
  since: z.coerce.number().int().min(0).max(8_640_000_000_000).default(0),
});

/** The download route's query: which environment, which instance's bundle. */
export const downloadLogsSchema = z.object({
  applicationName: environmentTarget.applicationName,
  environmentName: environmentTarget.environmentName,
  instanceId: z.string().regex(/^i-[0-9a-f]{8,17}$/, "Pick an instance (i-…)."),
});
