import { describe, expect, it } from "vitest";
import { createServiceSchema, deleteServiceSchema } from "./schema";

const base = {
  connectionId: "c1",
  region: "us-east-1",
  cluster: "web",
  serviceName: "api",
  taskDefinition: "api:3",
  vpcId: "vpc-1",
  subnets: ["subnet-a1", "subnet-b2"],
  securityGroupName: "api-sg",
};
const withLb = { ...base, loadBalancerMode: "new", loadBalancerName: "api-alb", targetGroupName: "api-tg", containerName: "web", containerPort: "8080" };

const firstIssue = (input: Record<string, unknown>) => {
  const result = createServiceSchema.safeParse(input);
  expect(result.success).toBe(false);
  return { path: result.error!.issues[0]!.path.join("."), message: result.error!.issues[0]!.message };
};

describe("create service validation", () => {
  it("applies the console defaults", () => {
    expect(createServiceSchema.parse(base)).toMatchObject({
      launchType: "FARGATE", platformVersion: "LATEST", schedulingStrategy: "REPLICA", desiredCount: 1,
      minHealthyPercent: 100, maxPercent: 200, circuitBreaker: true, rollback: true, assignPublicIp: true,
      listenerPort: 80, healthCheckPath: "/", healthCheckInterval: 30, healthyThreshold: 5, unhealthyThreshold: 2,
      enableExecuteCommand: false, allowHttp: true, allowHttps: false,
    });
  });

  it.each([
    [{ serviceName: "has space" }, "serviceName", "Use only letters"],
    [{ serviceName: "x".repeat(256) }, "serviceName", "at most 255"],
    [{ taskDefinition: "api" }, "taskDefinition", "family and revision"],
    [{ desiredCount: "-1" }, "desiredCount", "0 to 5000"],
    [{ minHealthyPercent: "101" }, "minHealthyPercent", "0 to 100"],
    [{ maxPercent: "99" }, "maxPercent", "100 to 200"],
    [{ gracePeriod: "2147483648" }, "gracePeriod", "0 to 2147483647"],
    [{ subnets: [] }, "subnets", "at least one subnet"],
    [{ securityGroupName: "sg-nope" }, "securityGroupName", "cannot start with sg-"],
    [{ ingressSource: "cidr", ingressCidr: "10.0.0.0/33" }, "ingressCidr", "CIDR"],
    [{ schedulingStrategy: "DAEMON" }, "schedulingStrategy", "EC2 launch type"],
    [{ computeMode: "capacityProvider" }, "strategy", "at least one capacity provider"],
    [{ ingressSource: "loadBalancer" }, "loadBalancerMode", "pick one"],
  ])("rejects %j", (patch, path, message) => {
    const issue = firstIssue({ ...base, ...patch });
    expect(issue.path).toBe(path);
    expect(issue.message).toContain(message);
  });

  it.each([
    [{ subnets: ["subnet-a1"] }, "subnets", "at least two Availability Zones"],
    [{ loadBalancerName: "a".repeat(33) }, "loadBalancerName", "at most 32"],
    [{ loadBalancerName: "internal-x" }, "loadBalancerName", "internal-"],
    [{ targetGroupName: "-tg" }, "targetGroupName", "start or end with a hyphen"],
    [{ targetGroupName: "t".repeat(33) }, "targetGroupName", "at most 32"],
    [{ listenerPort: "70000" }, "listenerPort", "1 to 65535"],
    [{ containerPort: "0" }, "containerPort", "1 to 65535"],
    [{ healthCheckPath: "health" }, "healthCheckPath", "starts with /"],
    [{ healthCheckTimeout: "30" }, "healthCheckTimeout", "shorter than the interval"],
    [{ healthyThreshold: "11" }, "healthyThreshold", "2 to 10"],
  ])("with a load balancer rejects %j", (patch, path, message) => {
    const issue = firstIssue({ ...withLb, ...patch });
    expect(issue.path).toBe(path);
    expect(issue.message).toContain(message);
  });

  it("an existing load balancer without a security group cannot be the ingress source", () => {
    const existing = { ...withLb, loadBalancerMode: "existing", loadBalancerArn: "arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/x/1", ingressSource: "loadBalancer" };
    expect(firstIssue(existing)).toMatchObject({ path: "loadBalancerArn", message: expect.stringContaining("no security group") });
    expect(createServiceSchema.safeParse({ ...existing, loadBalancerSecurityGroupId: "sg-0ab" }).success).toBe(true);
  });

  it("accepts a daemon on EC2 and a load balancer configuration", () => {
    expect(createServiceSchema.safeParse({ ...base, launchType: "EC2", schedulingStrategy: "DAEMON" }).success).toBe(true);
    expect(createServiceSchema.parse({ ...withLb, circuitBreaker: "false" })).toMatchObject({ containerPort: 8080, circuitBreaker: false });
  });

  it("asks for the service name to delete", () => {
    const input = { connectionId: "c", region: "us-east-1", cluster: "web", serviceName: "api" };
    expect(deleteServiceSchema.safeParse({ ...input, confirmName: "ap" }).success).toBe(false);
    expect(deleteServiceSchema.safeParse({ ...input, confirmName: "api" }).success).toBe(true);
  });
});
