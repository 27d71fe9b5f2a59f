import type { AppRunnerServiceActionInput, CreateAppRunnerServiceInput } from "@/lib/apprunner/schema";
import type { Plan, PlanStep } from "../core/plans/types";

export const APP_RUNNER_WIZARD = "apprunner-service";

export const appRunnerResource = (name: string) => `apprunner:service/${name}`;
export const appRunnerServicePath = (name: string) => `/apprunner/services/${encodeURIComponent(name)}`;

/** The auto scaling configuration name used when the person leaves it blank. */
export function scalingNameFor(input: Pick<CreateAppRunnerServiceInput, "scalingName" | "serviceName">): string {
  return input.scalingName || input.serviceName.slice(0, 32);
}

function healthCheck(input: CreateAppRunnerServiceInput) {
  return {
    Protocol: input.healthProtocol,
    ...(input.healthProtocol === "HTTP" ? { Path: input.healthPath } : {}),
    Interval: input.healthInterval,
    Timeout: input.healthTimeout,
    HealthyThreshold: input.healthyThreshold,
    UnhealthyThreshold: input.unhealthyThreshold,
  };
}

function sourceConfiguration(input: CreateAppRunnerServiceInput) {
  const privateEcr = input.sourceType === "ecr";
  return {
    ImageRepository: {
      ImageIdentifier: input.imageUri,
      ImageRepositoryType: privateEcr ? "ECR" : "ECR_PUBLIC",
      ImageConfiguration: {
        Port: String(input.port),
        ...(input.environment.length > 0
          ? { RuntimeEnvironmentVariables: Object.fromEntries(input.environment.map((e) => [e.name, e.value])) }
          : {}),
      },
    },
    // AWS rejects automatic deployments for ECR Public images.
    AutoDeploymentsEnabled: privateEcr && input.deploymentTrigger === "automatic",
    ...(privateEcr ? { AuthenticationConfiguration: { AccessRoleArn: input.accessRoleArn } } : {}),
  };
}

/**
 * An App Runner service from a container image. With a custom auto scaling
 * configuration, that configuration is created first and CreateService names the
 * ARN it returns; a failed CreateService then leaves only the configuration, which
 * the cleanup plan deletes.
 */
export function buildCreateAppRunnerPlan(input: CreateAppRunnerServiceInput): Plan {
  const tags = input.tags.map((t) => ({ Key: t.key, Value: t.value }));
  const steps: PlanStep[] = [];
  if (input.scalingMode === "custom") {
    const name = scalingNameFor(input);
    steps.push({
      key: "scaling",
      service: "apprunner",
      operation: "CreateAutoScalingConfiguration",
      description: `Create auto scaling configuration ${name} (${input.minSize}–${input.maxSize} instances, ${input.maxConcurrency} concurrent requests each)`,
      input: {
        AutoScalingConfigurationName: name,
        MinSize: input.minSize,
        MaxSize: input.maxSize,
        MaxConcurrency: input.maxConcurrency,
        ...(tags.length > 0 ? { Tags: tags } : {}),
      },
      produces: { arn: "AutoScalingConfiguration.AutoScalingConfigurationArn" },
      inverse: {
        service: "apprunner",
        operation: "DeleteAutoScalingConfiguration",
        description: `Delete auto scaling configuration ${name}`,
        input: { AutoScalingConfigurationArn: { $ref: "scaling.arn" } },
      },
    });
  }
  steps.push({
    key: "service",
    service: "apprunner",
    operation: "CreateService",
    description: `Create App Runner service ${input.serviceName} from ${input.imageUri}`,
    dependsOn: input.scalingMode === "custom" ? ["scaling"] : undefined,
    input: {
      ServiceName: input.serviceName,
      SourceConfiguration: sourceConfiguration(input),
      InstanceConfiguration: {
        Cpu: input.cpu,
        Memory: input.memory,
        ...(input.instanceRoleArn ? { InstanceRoleArn: input.instanceRoleArn } : {}),
      },
      HealthCheckConfiguration: healthCheck(input),
      AutoScalingConfigurationArn: input.scalingMode === "custom" ? { $ref: "scaling.arn" } : input.scalingArn,
      ...(tags.length > 0 ? { Tags: tags } : {}),
    },
    produces: { serviceArn: "Service.ServiceArn", serviceId: "Service.ServiceId" },
    inverse: {
      service: "apprunner",
      operation: "DeleteService",
      description: `Delete App Runner service ${input.serviceName}`,
      input: { ServiceArn: { $ref: "service.serviceArn" } },
    },
  });
  return {
    version: 1,
    wizard: APP_RUNNER_WIZARD,
    title: `Create App Runner service ${input.serviceName}`,
    resources: [appRunnerResource(input.serviceName)],
    landing: appRunnerServicePath(input.serviceName),
    steps,
  };
}

export type AppRunnerServiceOperation = "PauseService" | "ResumeService" | "StartDeployment" | "DeleteService";

const OPERATIONS: Record<AppRunnerServiceOperation, { verb: string; inverse?: AppRunnerServiceOperation }> = {
  PauseService: { verb: "Pause", inverse: "ResumeService" },
  ResumeService: { verb: "Resume", inverse: "PauseService" },
  StartDeployment: { verb: "Deploy" },
  DeleteService: { verb: "Delete" },
};

/** One-request plans for the service page's actions; pause and resume undo each other. */
export function buildServiceOperationPlan(operation: AppRunnerServiceOperation, input: AppRunnerServiceActionInput): Plan {
  const { verb, inverse } = OPERATIONS[operation];
  const target = { ServiceArn: input.serviceArn };
  const what = `App Runner service ${input.serviceName}`;
  const description = operation === "StartDeployment" ? `Deploy the latest image to ${what}` : `${verb} ${what}`;
  return {
    version: 1,
    wizard: "apprunner-service-operation",
    title: description,
    resources: [appRunnerResource(input.serviceName)],
    landing: operation === "DeleteService" ? "/apprunner" : appRunnerServicePath(input.serviceName),
    steps: [
      {
        key: "operation",
        service: "apprunner",
        operation,
        description,
        input: target,
        ...(inverse
          ? { inverse: { service: "apprunner", operation: inverse, description: `${OPERATIONS[inverse].verb} ${what}`, input: target } }
          : {}),
      },
    ],
  };
}
