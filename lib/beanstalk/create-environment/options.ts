import { SCALING_METRICS, STANDARD_ROLES, type CreateEnvironmentInput } from "./schema";

export type OptionSetting = { Namespace: string; OptionName: string; Value: string };

const opt = (Namespace: string, OptionName: string, Value: string | number): OptionSetting => ({ Namespace, OptionName, Value: String(Value) });

export const serviceRoleOf = (input: Pick<CreateEnvironmentInput, "serviceRoleMode" | "serviceRole">) =>
  input.serviceRoleMode === "create" ? STANDARD_ROLES.service : input.serviceRole;
export const instanceProfileOf = (input: Pick<CreateEnvironmentInput, "instanceProfileMode" | "instanceProfile">) =>
  input.instanceProfileMode === "create" ? STANDARD_ROLES.instance : input.instanceProfile;

/** Deployment settings (aws:elasticbeanstalk:command, trafficsplitting): only what the policy reads. */
export function deploymentOptions(input: Pick<CreateEnvironmentInput, "deploymentPolicy" | "batchSizeType" | "batchSize" | "trafficPercent" | "evaluationMinutes">): OptionSetting[] {
  const out = [opt("aws:elasticbeanstalk:command", "DeploymentPolicy", input.deploymentPolicy)];
  if (input.deploymentPolicy === "Rolling" || input.deploymentPolicy === "RollingWithAdditionalBatch") {
    out.push(opt("aws:elasticbeanstalk:command", "BatchSizeType", input.batchSizeType), opt("aws:elasticbeanstalk:command", "BatchSize", input.batchSize));
  }
  if (input.deploymentPolicy === "TrafficSplitting") {
    out.push(opt("aws:elasticbeanstalk:trafficsplitting", "NewVersionPercent", input.trafficPercent), opt("aws:elasticbeanstalk:trafficsplitting", "EvaluationTime", input.evaluationMinutes));
  }
  return out;
}

/**
 * Every choice of the wizard as CreateEnvironment's OptionSettings, in the namespaces the Docker
 * platform reads. A single instance has no load balancer and one instance (MinSize = MaxSize = 1).
 */
export function optionSettings(input: CreateEnvironmentInput): OptionSetting[] {
  const single = input.environmentType === "SingleInstance";
  const out: OptionSetting[] = [
    opt("aws:elasticbeanstalk:environment", "EnvironmentType", input.environmentType),
    opt("aws:elasticbeanstalk:environment", "ServiceRole", serviceRoleOf(input)),
    opt("aws:autoscaling:launchconfiguration", "IamInstanceProfile", instanceProfileOf(input)),
    opt("aws:ec2:instances", "InstanceTypes", input.instanceType),
    opt("aws:autoscaling:asg", "MinSize", single ? 1 : input.minSize),
    opt("aws:autoscaling:asg", "MaxSize", single ? 1 : input.maxSize),
    opt("aws:elasticbeanstalk:healthreporting:system", "SystemType", input.enhancedHealth ? "enhanced" : "basic"),
  ];
  if (!single) {
    out.push(
      opt("aws:elasticbeanstalk:environment", "LoadBalancerType", "application"),
      opt("aws:autoscaling:trigger", "MeasureName", input.scalingMetric),
      opt("aws:autoscaling:trigger", "Statistic", "Average"),
      opt("aws:autoscaling:trigger", "Unit", SCALING_METRICS[input.scalingMetric].unit),
      opt("aws:autoscaling:trigger", "UpperThreshold", input.upperThreshold),
      opt("aws:autoscaling:trigger", "LowerThreshold", input.lowerThreshold),
    );
  }
  out.push(...deploymentOptions(input));
  for (const v of input.environment) out.push(opt("aws:elasticbeanstalk:application:environment", v.name, v.value));
  return out;
}
