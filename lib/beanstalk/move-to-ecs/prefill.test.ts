import { describe, expect, it } from "vitest";
import { decodeExpressPrefill, encodeExpressPrefill } from "@/lib/express/prefill";
import { expressPrefillOfEnvironment, type OptionSetting } from "./prefill";

const o = (namespace: string, name: string, value: string): OptionSetting => ({ namespace, name, value });
const OPTIONS = [
  o("aws:elasticbeanstalk:environment", "EnvironmentType", "LoadBalanced"),
  o("aws:autoscaling:launchconfiguration", "InstanceType", "t3.micro"),
  o("aws:ec2:instances", "InstanceTypes", "t3.small, t3.medium"),
  o("aws:autoscaling:asg", "MinSize", "2"),
  o("aws:autoscaling:asg", "MaxSize", "6"),
  o("aws:elasticbeanstalk:application:environment", "GREETING", "hello"),
  o("aws:elasticbeanstalk:application:environment", "bad name", "x"),
  o("aws:elasticbeanstalk:environment:process:default", "HealthCheckPath", "/health"),
];

describe("Move to ECS prefill", () => {
  it("carries image, port, size, environment, scaling and health check", () => {
    const p = expressPrefillOfEnvironment({ application: "shop", name: "Shop-Blue" }, { ok: true, kind: "dockerrun", image: "nginx:1.27", containerPort: 8080 }, OPTIONS);
    expect(p).toMatchObject({ serviceName: "shop-blue", image: "nginx:1.27", containerPort: 8080, cpu: "2048", memory: "4096", minTasks: 2, maxTasks: 6, healthCheckPath: "/health", fromBeanstalk: "shop / Shop-Blue" });
    expect(p.environment).toEqual([{ name: "GREETING", value: "hello" }]);
    const { notes: _n, ...prefill } = p;
    expect(decodeExpressPrefill(encodeExpressPrefill(prefill))).toMatchObject({ image: "nginx:1.27", fromBeanstalk: "shop / Shop-Blue", minTasks: 2 });
  });

  it("single instance scales 1..1; an unreadable bundle leaves the image to the person, with a note", () => {
    const p = expressPrefillOfEnvironment({ application: "a", name: "web1" }, { ok: false, message: "The zip has no Dockerrun.aws.json." }, [o("aws:elasticbeanstalk:environment", "EnvironmentType", "SingleInstance"), o("aws:autoscaling:asg", "MaxSize", "9")]);
    expect(p).toMatchObject({ minTasks: 1, maxTasks: 1 });
    expect(p.image).toBeUndefined();
    expect(p.notes.join(" ")).toContain("Enter the image and port yourself.");
  });
});
