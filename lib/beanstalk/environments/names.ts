import { z } from "zod";

export const regionSchema = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "Pick a region.");

// Elastic Beanstalk's own limits (CreateApplication, CreateApplicationVersion, CreateEnvironment).
export const applicationNameSchema = z
  .string()
  .trim()
  .min(1, "Enter an application name.")
  .max(100, "Application names are at most 100 characters.")
  .regex(/^[^/\\\p{Cc}]+$/u, "Application names cannot hold / or \\ or control characters.");

export const environmentNameSchema = z
  .string()
  .trim()
  .min(4, "Environment names are 4 to 40 characters.")
  .max(40, "Environment names are 4 to 40 characters.")
  .regex(/^[A-Za-z0-9-]+$/, "Use only letters, digits and hyphens.")
  .refine((v) => !v.startsWith("-") && !v.endsWith("-"), "Environment names cannot start or end with a hyphen.");

export const versionLabelSchema = z
  .string()
  .trim()
  .min(1, "Enter a version label.")
  .max(100, "Version labels are at most 100 characters.")
  .regex(/^[A-Za-z0-9._-]+$/, "Use letters, digits, . _ and - in version labels.");

/** What names an environment everywhere: its application and its name. */
export const environmentTarget = {
  connectionId: z.string().min(1),
  region: regionSchema,
  applicationName: applicationNameSchema,
  environmentName: environmentNameSchema,
  reviewedHash: z.string().optional(),
};

/** The S3 key of a version's bundle in the account's Elastic Beanstalk bucket. */
export function bundleKey(application: string, versionLabel: string, fileName: string): string {
  return `portside/${encodeURIComponent(application)}/${versionLabel}/${fileName}`;
}

export const environmentPage = (application: string, environment: string) => `/beanstalk/${encodeURIComponent(application)}/${encodeURIComponent(environment)}`;

/** v-20261207-051800: a version label that sorts by time, new each second. */
export function suggestVersionLabel(now = new Date()): string {
  const iso = now.toISOString();
  return `v-${iso.slice(0, 10).replaceAll("-", "")}-${iso.slice(11, 19).replaceAll(":", "")}`;
}
