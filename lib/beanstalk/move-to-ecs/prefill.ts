import { EXPRESS_DEFAULTS } from "@/lib/express/schema";
import type { ExpressPrefill } from "@/lib/express/prefill";
import { fargateSizeOf } from "@/lib/hosts/prefill";
import type { BundleRun } from "./bundle";

export type OptionSetting = { namespace: string; name: string; value: string };

const opt = (options: OptionSetting[], namespace: string, name: string) => options.find((o) => o.namespace === namespace && o.name === name)?.value;
const whole = (v: string | undefined) => (v !== undefined && /^\d{1,4}$/.test(v) ? Number(v) : undefined);

/**
 * The Express Mode wizard's prefill for a Beanstalk environment: the running version's image and
 * container port, the instance type as the nearest Fargate size, the environment properties as
 * environment variables, the Auto Scaling group's min/max as the task range (at least 1), and the
 * health check path of the default process.
 */
export function expressPrefillOfEnvironment(env: { application: string; name: string }, run: BundleRun, options: OptionSetting[]): ExpressPrefill & { notes: string[] } {
  const notes: string[] = [];
  // aws:ec2:instances InstanceTypes (its first type) wins over the launch configuration's InstanceType, as on AWS.
  const instanceType = opt(options, "aws:ec2:instances", "InstanceTypes")?.split(",")[0]?.trim() || opt(options, "aws:autoscaling:launchconfiguration", "InstanceType") || "t3.micro";
  const size = fargateSizeOf(instanceType);
  if (size.note) notes.push(size.note);
  const single = opt(options, "aws:elasticbeanstalk:environment", "EnvironmentType") === "SingleInstance";
  const min = single ? 1 : Math.max(1, whole(opt(options, "aws:autoscaling:asg", "MinSize")) ?? 1);
  const max = single ? 1 : Math.max(min, whole(opt(options, "aws:autoscaling:asg", "MaxSize")) ?? EXPRESS_DEFAULTS.maxTasks);
  const environment = options
    .filter((o) => o.namespace === "aws:elasticbeanstalk:application:environment" && /^[A-Za-z_][A-Za-z0-9_]{0,254}$/.test(o.name))
    .slice(0, 100)
    .map((o) => ({ name: o.name, value: o.value }));
  if (!run.ok) notes.push(`${run.message} Enter the image and port yourself.`);
  else if (!run.containerPort) notes.push("The bundle names no container port: check the port.");
  const health = opt(options, "aws:elasticbeanstalk:environment:process:default", "HealthCheckPath");
  return {
    serviceName: env.name.toLowerCase().replace(/[^a-z0-9-]/g, "-").replace(/^-+|-+$/g, "").slice(0, 40) || undefined,
    ...(run.ok ? { image: run.image, ...(run.containerPort ? { containerPort: run.containerPort } : {}) } : {}),
    cpu: size.cpu,
    memory: size.memory,
    minTasks: min,
    maxTasks: max,
    ...(health && health.startsWith("/") && health.length <= 1024 ? { healthCheckPath: health } : {}),
    environment,
    fromBeanstalk: `${env.application} / ${env.name}`,
    notes,
  };
}
