import { AWS_REGIONS } from "../core/aws/regions";

/**
 * Regions where AWS App Runner is offered (commercial partition), from the App Runner
 * endpoints page of the AWS General Reference. App Runner has no endpoint anywhere else,
 * so pages say so instead of calling AWS.
 */
export const APP_RUNNER_REGION_CODES = [
  "us-east-1",
  "us-east-2",
  "us-west-2",
  "ap-south-1",
  "ap-southeast-1",
  "ap-southeast-2",
  "ap-northeast-1",
  "eu-central-1",
  "eu-west-1",
  "eu-west-2",
  "eu-west-3",
] as const;

export function isAppRunnerRegion(region: string): boolean {
  return (APP_RUNNER_REGION_CODES as readonly string[]).includes(region);
}

/** App Runner regions with their console names, e.g. "us-east-1 — US East (N. Virginia)". */
export const APP_RUNNER_REGIONS = APP_RUNNER_REGION_CODES.map((code) => ({
  code,
  name: AWS_REGIONS.find((r) => r.code === code)?.name ?? code,
}));

/** The day AWS stopped opening App Runner to accounts that had not used it before. */
export const APP_RUNNER_CLOSED_TO_NEW_CUSTOMERS = "2026-04-30";
