import "server-only";
import * as appautoscaling from "@aws-sdk/client-application-auto-scaling";
import * as apprunner from "@aws-sdk/client-apprunner";
import * as cloudwatch from "@aws-sdk/client-cloudwatch";
import * as autoscaling from "@aws-sdk/client-auto-scaling";
import * as ec2 from "@aws-sdk/client-ec2";
import * as ecr from "@aws-sdk/client-ecr";
import * as ecrpublic from "@aws-sdk/client-ecr-public";
import * as eks from "@aws-sdk/client-eks";
import * as elasticbeanstalk from "@aws-sdk/client-elastic-beanstalk";
import * as elbv2 from "@aws-sdk/client-elastic-load-balancing-v2";
import * as scheduler from "@aws-sdk/client-scheduler";
import * as logs from "@aws-sdk/client-cloudwatch-logs";
import * as ecs from "@aws-sdk/client-ecs";
import * as iam from "@aws-sdk/client-iam";
import * as sqs from "@aws-sdk/client-sqs";
import * as sts from "@aws-sdk/client-sts";
import * as events from "@aws-sdk/client-eventbridge";
import * as s3 from "@aws-sdk/client-s3";
import * as sns from "@aws-sdk/client-sns";
import * as ssm from "@aws-sdk/client-ssm";
import * as secretsmanager from "@aws-sdk/client-secrets-manager";

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
  ec2: { Client: ec2.EC2Client, commands: ec2 as unknown as CommandNamespace, cli: "ec2" },
  elbv2: { Client: elbv2.ElasticLoadBalancingV2Client, commands: elbv2 as unknown as CommandNamespace, cli: "elbv2" },
  autoscaling: { Client: autoscaling.AutoScalingClient, commands: autoscaling as unknown as CommandNamespace, cli: "autoscaling" },
  scheduler: { Client: scheduler.SchedulerClient, commands: scheduler as unknown as CommandNamespace, cli: "scheduler" },
  eks: { Client: eks.EKSClient, commands: eks as unknown as CommandNamespace, cli: "eks" },
  cloudwatch: { Client: cloudwatch.CloudWatchClient, commands: cloudwatch as unknown as CommandNamespace, cli: "cloudwatch" },
  appautoscaling: {
    Client: appautoscaling.ApplicationAutoScalingClient,
    commands: appautoscaling as unknown as CommandNamespace,
    cli: "application-autoscaling",
  },
  sqs: { Client: sqs.SQSClient, commands: sqs as unknown as CommandNamespace, cli: "sqs" },
  ecr: { Client: ecr.ECRClient, commands: ecr as unknown as CommandNamespace, cli: "ecr" },
  ecrpublic: { Client: ecrpublic.ECRPUBLICClient, commands: ecrpublic as unknown as CommandNamespace, cli: "ecr-public" },
  events: { Client: events.EventBridgeClient, commands: events as unknown as CommandNamespace, cli: "events" },
  s3: { Client: s3.S3Client, commands: s3 as unknown as CommandNamespace, cli: "s3api" },
  sns: { Client: sns.SNSClient, commands: sns as unknown as CommandNamespace, cli: "sns" },
  ssm: { Client: ssm.SSMClient, commands: ssm as unknown as CommandNamespace, cli: "ssm" },
  secretsmanager: { Client: secretsmanager.SecretsManagerClient, commands: secretsmanager as unknown as CommandNamespace, cli: "secretsmanager" },
  elasticbeanstalk: { Client: elasticbeanstalk.ElasticBeanstalkClient, commands: elasticbeanstalk as unknown as CommandNamespace, cli: "elasticbeanstalk" },
} as const;

export type AwsServiceName = keyof typeof SERVICES;

// The SDK's modules export `<Operation>Command` classes; looked up by name for plan steps.
type CommandNamespace = Record<string, new (input: unknown) => unknown>;

export function isAwsService(name: string): name is AwsServiceName {
  return Object.hasOwn(SERVICES, name);
}
