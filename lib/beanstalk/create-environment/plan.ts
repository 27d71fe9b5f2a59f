import type { Plan, PlanStep } from "@/lib/core/plans/types";
import { parseBundle } from "@/lib/beanstalk/bundles/parse";
import { zipUpload } from "@/lib/beanstalk/bundles/zip-bundle";
import type { Blob64 } from "@/lib/core/plans/blobs";
import { BUNDLE_FILE, renderBundle } from "@/lib/beanstalk/bundles/render";
import { bundleKey, environmentPage } from "@/lib/beanstalk/environments/names";
import { trustPolicy } from "@/lib/iam/roles";
import { optionSettings } from "./options";
import { STANDARD_ROLES, type CreateEnvironmentInput } from "./schema";

export const MANAGED_POLICIES = {
  service: ["arn:aws:iam::aws:policy/service-role/AWSElasticBeanstalkEnhancedHealth", "arn:aws:iam::aws:policy/AWSElasticBeanstalkManagedUpdatesCustomerRolePolicy"],
  instance: ["arn:aws:iam::aws:policy/AWSElasticBeanstalkWebTier", "arn:aws:iam::aws:policy/AWSElasticBeanstalkMulticontainerDocker", "arn:aws:iam::aws:policy/AWSElasticBeanstalkWorkerTier"],
};

/** The service role's trust: Elastic Beanstalk, with the external id the console's role carries. */
export function serviceTrustPolicy(): string {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Service: "elasticbeanstalk.amazonaws.com" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "sts:ExternalId": "elasticbeanstalk" } } }],
  });
}

function roleSteps(key: string, role: string, trust: string, description: string, policies: string[]): PlanStep[] {
  return [
    {
      key,
      service: "iam",
      operation: "CreateRole",
      description: `Create IAM role ${role}`,
      input: { RoleName: role, AssumeRolePolicyDocument: trust, Description: description },
      produces: { roleArn: "Role.Arn" },
      inverse: { service: "iam", operation: "DeleteRole", description: `Delete IAM role ${role}`, input: { RoleName: role } },
    },
    ...policies.map((arn, i): PlanStep => {
      const name = arn.split("/").pop();
      return {
        key: `${key}Policy${i + 1}`,
        service: "iam",
        operation: "AttachRolePolicy",
        description: `Attach ${name} to ${role}`,
        dependsOn: [key],
        input: { RoleName: role, PolicyArn: arn },
        inverse: { service: "iam", operation: "DetachRolePolicy", description: `Detach ${name} from ${role}`, input: { RoleName: role, PolicyArn: arn } },
      };
    }),
  ];
}

function instanceProfileSteps(): PlanStep[] {
  const name = STANDARD_ROLES.instance;
  return [
    ...roleSteps("instanceRole", name, trustPolicy("ec2.amazonaws.com"), "Elastic Beanstalk EC2 instances: web tier, Docker, worker tier.", MANAGED_POLICIES.instance),
    {
      key: "instanceProfile",
      service: "iam",
      operation: "CreateInstanceProfile",
      description: `Create instance profile ${name}`,
      input: { InstanceProfileName: name },
      inverse: { service: "iam", operation: "DeleteInstanceProfile", description: `Delete instance profile ${name}`, input: { InstanceProfileName: name } },
    },
    {
      key: "instanceProfileRole",
      service: "iam",
      operation: "AddRoleToInstanceProfile",
      description: `Add ${name} to instance profile ${name}`,
      dependsOn: ["instanceRole", "instanceProfile"],
      input: { InstanceProfileName: name, RoleName: name },
      inverse: { service: "iam", operation: "RemoveRoleFromInstanceProfile", description: `Remove ${name} from ${name}`, input: { InstanceProfileName: name, RoleName: name } },
    },
  ];
}

export type BundleUpload = { fileName: string; body: string | Blob64; contentType: string };

/**
 * The bundle's file name and body: rendered from the image, the uploaded file as it came, or the
 * uploaded zip's bytes (`zip`: the BundleUpload that `input.bundleZip` names, loaded by the action).
 */
export function bundleOf(input: CreateEnvironmentInput, zip?: Uint8Array): BundleUpload {
  if (input.sourceType === "image") {
    return renderBundle({ format: input.bundleFormat, image: input.image, containerPort: input.containerPort });
  }
  if (input.bundleZip) return zipUpload(zip);
  const parsed = parseBundle(input.bundleText);
  const format = parsed.ok ? parsed.format : "dockerrun";
  return { fileName: BUNDLE_FILE[format], body: input.bundleText, contentType: format === "dockerrun" ? "application/json" : "application/yaml" };
}

/** CreateStorageLocation (the account's elasticbeanstalk-<region>-<account> bucket), the bundle into it, the version processed. */
export function versionSteps(application: string, versionLabel: string, bundle: BundleUpload, dependsOn: string[], description: string): PlanStep[] {
  const key = bundleKey(application, versionLabel, bundle.fileName);
  return [
    {
      key: "storage",
      service: "elasticbeanstalk",
      operation: "CreateStorageLocation",
      description: "Find or create the account's Elastic Beanstalk bucket in this region",
      input: {},
      produces: { bucket: "S3Bucket" },
    },
    {
      key: "bundle",
      service: "s3",
      operation: "PutObject",
      description: `Upload ${bundle.fileName} as the bundle of version ${versionLabel}`,
      dependsOn: ["storage"],
      input: { Bucket: { $ref: "storage.bucket" }, Key: key, Body: bundle.body, ContentType: bundle.contentType },
      inverse: { service: "s3", operation: "DeleteObject", description: `Delete the bundle s3://…/${key}`, input: { Bucket: { $ref: "storage.bucket" }, Key: key } },
    },
    {
      key: "version",
      service: "elasticbeanstalk",
      operation: "CreateApplicationVersion",
      description: `Create version ${versionLabel} of ${application} from the bundle (processed, so a broken bundle fails here)`,
      dependsOn: ["bundle", ...dependsOn],
      input: { ApplicationName: application, VersionLabel: versionLabel, Description: description.slice(0, 200), SourceBundle: { S3Bucket: { $ref: "storage.bucket" }, S3Key: key }, Process: true },
      waitFor: {
        service: "elasticbeanstalk",
        operation: "DescribeApplicationVersions",
        input: { ApplicationName: application, VersionLabels: [versionLabel] },
        path: "ApplicationVersions.0.Status",
        success: ["PROCESSED"],
        failure: ["FAILED"],
        description: `version ${versionLabel} to be processed`,
        intervalMs: 2000,
        timeoutMs: 10 * 60_000,
      },
      inverse: { service: "elasticbeanstalk", operation: "DeleteApplicationVersion", description: `Delete version ${versionLabel}`, input: { ApplicationName: application, VersionLabel: versionLabel, DeleteSourceBundle: false } },
    },
  ];
}

/**
 * A Docker web server environment: the application (created or reused), the roles the console
 * creates when they are missing, the version from its bundle, then CreateEnvironment with every
 * choice as option settings, waited for until Ready. Cleanup terminates the environment and
 * deletes what the run created, newest first.
 */
export function buildCreateEnvironmentPlan(input: CreateEnvironmentInput, uploaded: { zip?: Uint8Array } = {}): Plan {
  const app = input.applicationName;
  const env = input.environmentName;
  const bundle = bundleOf(input, uploaded.zip);
  const steps: PlanStep[] = [];
  if (input.applicationMode === "create") {
    steps.push({
      key: "application",
      service: "elasticbeanstalk",
      operation: "CreateApplication",
      description: `Create application ${app}`,
      input: { ApplicationName: app, Description: "Created by Portside", Tags: [{ Key: "portside:managed", Value: "true" }] },
      inverse: { service: "elasticbeanstalk", operation: "DeleteApplication", description: `Delete application ${app}`, input: { ApplicationName: app, TerminateEnvByForce: true } },
    });
  }
  if (input.serviceRoleMode === "create") {
    steps.push(...roleSteps("serviceRole", STANDARD_ROLES.service, serviceTrustPolicy(), "Elastic Beanstalk service role: enhanced health and managed updates.", MANAGED_POLICIES.service));
  }
  if (input.instanceProfileMode === "create") steps.push(...instanceProfileSteps());
  const roleKeys = steps.filter((s) => s.service === "iam").map((s) => s.key);
  steps.push(...versionSteps(app, input.versionLabel, bundle, input.applicationMode === "create" ? ["application"] : [], `Portside: ${input.sourceType === "image" ? input.image : bundle.fileName}`));
  steps.push({
    key: "environment",
    service: "elasticbeanstalk",
    operation: "CreateEnvironment",
    description: `Create ${input.environmentType === "SingleInstance" ? "single-instance" : "load-balanced"} environment ${env} (${input.solutionStack}) running ${input.versionLabel}`,
    dependsOn: ["version", ...roleKeys],
    input: {
      ApplicationName: app,
      EnvironmentName: env,
      CNAMEPrefix: input.cnamePrefix,
      SolutionStackName: input.solutionStack,
      VersionLabel: input.versionLabel,
      Tier: { Name: "WebServer", Type: "Standard" },
      OptionSettings: optionSettings(input),
      Tags: [{ Key: "portside:managed", Value: "true" }],
    },
    produces: { environmentId: "EnvironmentId" },
    waitFor: {
      service: "elasticbeanstalk",
      operation: "DescribeEnvironments",
      input: { ApplicationName: app, EnvironmentNames: [env], IncludeDeleted: false },
      path: "Environments.0.Status",
      success: ["Ready"],
      failure: ["Terminating", "Terminated"],
      description: `environment ${env} to be Ready`,
      intervalMs: 3000,
      timeoutMs: 30 * 60_000,
    },
    inverse: { service: "elasticbeanstalk", operation: "TerminateEnvironment", description: `Terminate environment ${env}`, input: { EnvironmentName: env, TerminateResources: true } },
  });
  return {
    version: 1,
    wizard: "beanstalk-environment",
    title: `Create Elastic Beanstalk environment ${env} in ${app}`,
    resources: [`elasticbeanstalk:application/${app}`, `elasticbeanstalk:environment/${app}/${env}`],
    landing: environmentPage(app, env),
    steps,
  };
}
