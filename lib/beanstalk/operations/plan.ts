import type { Plan, PlanStep, WaitFor } from "@/lib/core/plans/types";
import { renderBundle } from "@/lib/beanstalk/bundles/render";
import { zipUpload } from "@/lib/beanstalk/bundles/zip-bundle";
import { environmentPage } from "@/lib/beanstalk/environments/names";
import { versionSteps } from "@/lib/beanstalk/create-environment/plan";
import type { DeployInput, EnvironmentOperationInput } from "./schema";

const resources = (app: string, env: string) => [`elasticbeanstalk:environment/${app}/${env}`];

function readyWait(app: string, env: string, what: string): WaitFor {
  return {
    service: "elasticbeanstalk",
    operation: "DescribeEnvironments",
    input: { ApplicationName: app, EnvironmentNames: [env], IncludeDeleted: false },
    path: "Environments.0.Status",
    success: ["Ready"],
    failure: ["Terminating", "Terminated"],
    description: `${env} to be Ready ${what}`,
    intervalMs: 3000,
    timeoutMs: 60 * 60_000,
  };
}

/**
 * Deploy: a new version from an image (bundle rendered, uploaded, processed) or one the application
 * already has, then UpdateEnvironment to it — Elastic Beanstalk rolls it out with the environment's
 * deployment policy (batch by batch for Rolling), waited for until the environment is Ready again.
 * `current.zip`: the bytes of the upload `input.bundleZip` names, loaded by the action.
 */
export function buildDeployPlan(input: DeployInput, current: { versionLabel?: string; zip?: Uint8Array }): Plan {
  const app = input.applicationName;
  const env = input.environmentName;
  const steps: PlanStep[] =
    input.source === "image"
      ? versionSteps(app, input.versionLabel, renderBundle({ format: input.bundleFormat, image: input.image, containerPort: input.containerPort }), [], `Portside: ${input.image}`)
      : input.source === "zip"
        ? versionSteps(app, input.versionLabel, zipUpload(current.zip), [], "Portside: uploaded zip bundle")
        : [];
  steps.push({
    key: "deploy",
    service: "elasticbeanstalk",
    operation: "UpdateEnvironment",
    description: `Deploy version ${input.versionLabel} to ${env} with its deployment policy`,
    dependsOn: input.source !== "version" ? ["version"] : [],
    input: { ApplicationName: app, EnvironmentName: env, VersionLabel: input.versionLabel },
    waitFor: readyWait(app, env, `running ${input.versionLabel}`),
    ...(current.versionLabel
      ? { inverse: { service: "elasticbeanstalk", operation: "UpdateEnvironment", description: `Deploy ${current.versionLabel} to ${env} again`, input: { ApplicationName: app, EnvironmentName: env, VersionLabel: current.versionLabel } } }
      : {}),
  });
  return {
    version: 1,
    wizard: "beanstalk-deploy",
    title: `Deploy ${input.versionLabel} to Elastic Beanstalk environment ${env}`,
    resources: resources(app, env),
    landing: environmentPage(app, env),
    steps,
  };
}

/**
 * Rebuild terminates and relaunches every resource of the environment (instances, load balancer,
 * Auto Scaling group) with the same configuration; terminate removes them all for good.
 */
export function buildEnvironmentOperationPlan(input: EnvironmentOperationInput): Plan {
  const app = input.applicationName;
  const env = input.environmentName;
  const step: PlanStep =
    input.operation === "rebuild"
      ? {
          key: "rebuild",
          service: "elasticbeanstalk",
          operation: "RebuildEnvironment",
          description: `Rebuild ${env}: terminate and relaunch its instances and load balancer`,
          input: { EnvironmentName: env },
          waitFor: readyWait(app, env, "after the rebuild"),
        }
      : {
          key: "terminate",
          service: "elasticbeanstalk",
          operation: "TerminateEnvironment",
          description: `Terminate ${env} and the resources Elastic Beanstalk created for it`,
          input: { EnvironmentName: env, TerminateResources: true },
          waitFor: {
            service: "elasticbeanstalk",
            operation: "DescribeEnvironments",
            input: { ApplicationName: app, EnvironmentNames: [env], IncludeDeleted: false },
            path: "Environments.0.Status",
            success: ["Terminated"],
            untilGone: true,
            description: `${env} to be terminated`,
            intervalMs: 3000,
            timeoutMs: 60 * 60_000,
          },
        };
  return {
    version: 1,
    wizard: `beanstalk-${input.operation}`,
    title: `${input.operation === "rebuild" ? "Rebuild" : "Terminate"} Elastic Beanstalk environment ${env}`,
    resources: resources(app, env),
    landing: input.operation === "rebuild" ? environmentPage(app, env) : "/beanstalk",
    steps: [step],
  };
}
