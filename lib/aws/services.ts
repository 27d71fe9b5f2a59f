import "server-only";
import * as apprunner from "@aws-sdk/client-apprunner";
import * as logs from "@aws-sdk/client-cloudwatch-logs";
import * as ecs from "@aws-sdk/client-ecs";
import * as iam from "@aws-sdk/client-iam";
import * as sts from "@aws-sdk/client-sts";

/**
 * The AWS services Portside talks to: SDK client class and command namespace.
 * Adding a service here is the only step needed before plans can use it.
 */
export const SERVICES = {
  ecs: { Client: ecs.ECSClient, commands: ecs as unknown as CommandNamespace, cli: "ecs" },
  sts: { Client: sts.STSClient, commands: sts as unknown as CommandNamespace, cli: "sts" },
  apprunner: { Client: apprunner.AppRunnerClient, commands: apprunner as unknown as CommandNamespace, cli: "apprunner" },
  logs: { Client: logs.CloudWatchLogsClient, commands: logs as unknown as CommandNamespace, cli: "logs" },
  iam: { Client: iam.IAMClient, commands: iam as unknown as CommandNamespace, cli: "iam" },
} as const;

export type AwsServiceName = keyof typeof SERVICES;

// The SDK's modules export `<Operation>Command` classes; looked up by name for plan steps.
type CommandNamespace = Record<string, new (input: unknown) => unknown>;

export function isAwsService(name: string): name is AwsServiceName {
  return Object.hasOwn(SERVICES, name);
}
