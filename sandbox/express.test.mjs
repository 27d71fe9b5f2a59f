// ECS Express Mode served by the sandbox gateway, backed by real moto ECS resources.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  CreateClusterCommand,
  CreateExpressGatewayServiceCommand,
  CreateServiceCommand,
  DeleteExpressGatewayServiceCommand,
  DescribeExpressGatewayServiceCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ECSClient,
  ListServicesCommand,
  RegisterTaskDefinitionCommand,
  UpdateExpressGatewayServiceCommand,
} from "@aws-sdk/client-ecs";
import { startSandbox } from "./start.mjs";
import { hasMoto, clientConfig, rejection } from "./test-support.mjs";
import { expressServices, injectFault, resetSandbox, sandboxCalls, setAppRunner } from "./client.mjs";
import { FARGATE_CPU_MEMORY, parseTaskCpu, parseTaskMemory } from "./express.mjs";

const INFRA = "arn:aws:iam::123456789012:role/ecsInfrastructureRoleForExpressServices";
const EXEC = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole";

async function until(fn, { timeoutMs = 8000, everyMs = 50 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    last = await fn();
    if (last) return last;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`condition not met within ${timeoutMs} ms (last: ${JSON.stringify(last)})`);
}

const webInput = (extra = {}) => ({
  serviceName: "web",
  infrastructureRoleArn: INFRA,
  executionRoleArn: EXEC,
  primaryContainer: {
    image: "public.ecr.aws/docker/library/httpd:latest",
    containerPort: 80,
    environment: [{ name: "GREETING", value: "hello" }],
  },
  cpu: "512",
  memory: "1024",
  healthCheckPath: "/",
  scalingTarget: { minTaskCount: 2, maxTaskCount: 5 },
  tags: [{ key: "team", value: "web" }],
  ...extra,
});

describe("Fargate sizes", () => {
  it("parses task CPU and memory and knows the valid pairs", () => {
    expect(parseTaskCpu("0.25 vCPU")).toBe(256);
    expect(parseTaskCpu("1024")).toBe(1024);
    expect(parseTaskMemory("2 GB")).toBe(2048);
    expect(FARGATE_CPU_MEMORY[256]).toEqual([512, 1024, 2048]);
    expect(FARGATE_CPU_MEMORY[1024]).toContain(8192);
    expect(FARGATE_CPU_MEMORY[1024]).not.toContain(1024);
  });
});

describe.skipIf(!hasMoto)("ECS Express Mode in the sandbox gateway", () => {
  let sandbox;
  let endpoint;
  let ecs;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, log: false, env: { MOTO_IAM_LOAD_MANAGED_POLICIES: "false" } });
    endpoint = sandbox.endpoint;
    ecs = new ECSClient(clientConfig(endpoint));
  }, 60_000);

  afterAll(async () => {
    ecs?.destroy();
    await sandbox?.stop();
  });

  beforeEach(async () => {
    await resetSandbox(endpoint);
    await setAppRunner(endpoint, { paceMs: 150 });
  });

  it("creates an Express service backed by a moto cluster, task definition and ECS service", async () => {
    const { service } = await ecs.send(new CreateExpressGatewayServiceCommand(webInput()));
    expect(service.serviceArn).toBe("arn:aws:ecs:us-east-1:123456789012:service/default/web");
    expect(service.cluster).toBe("arn:aws:ecs:us-east-1:123456789012:cluster/default");
    expect(service.status).toEqual({ statusCode: "ACTIVE" });
    expect(service.infrastructureRoleArn).toBe(INFRA);
    expect(service.currentDeployment).toMatch(/^arn:aws:ecs:us-east-1:123456789012:service-deployment\/default\/web\/\w{22}$/);
    expect(service.createdAt).toBeInstanceOf(Date);
    expect(service.activeConfigurations).toHaveLength(1);
    const cfg = service.activeConfigurations[0];
    expect(cfg).toMatchObject({
      executionRoleArn: EXEC,
      cpu: "512",
      memory: "1024",
      cpuArchitecture: "X86_64",
      healthCheckPath: "/",
      scalingTarget: { minTaskCount: 2, maxTaskCount: 5, autoScalingMetric: "AVERAGE_CPU", autoScalingTargetValue: 60 },
      primaryContainer: {
        image: "public.ecr.aws/docker/library/httpd:latest",
        containerPort: 80,
        environment: [{ name: "GREETING", value: "hello" }],
        awsLogsConfiguration: { logGroup: "/aws/ecs/default/web", logStreamPrefix: "ecs" },
      },
    });
    expect(cfg.ingressPaths).toHaveLength(1);
    expect(cfg.ingressPaths[0].accessType).toBe("PUBLIC");
    expect(cfg.ingressPaths[0].endpoint).toMatch(/^https:\/\/web-[0-9a-f]{32}\.ecs\.us-east-1\.on\.aws$/);
    expect(cfg.networkConfiguration.subnets.length).toBeGreaterThan(0);
    expect(service.tags).toEqual([{ key: "team", value: "web" }]);

    // The ECS views see a real service with the min task count as desired count.
    const listed = await ecs.send(new ListServicesCommand({ cluster: "default" }));
    expect(listed.serviceArns).toEqual([service.serviceArn]);
    const { services } = await ecs.send(new DescribeServicesCommand({ cluster: "default", services: ["web"] }));
    expect(services[0]).toMatchObject({
      serviceName: "web",
      status: "ACTIVE",
      desiredCount: 2,
      launchType: "FARGATE",
      taskDefinition: cfg.taskDefinitionArn,
      resourceManagementType: "ECS",
    });
    const td = (await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: cfg.taskDefinitionArn }))).taskDefinition;
    expect(td).toMatchObject({ family: "web", cpu: "512", memory: "1024", networkMode: "awsvpc", executionRoleArn: EXEC });
    expect(td.containerDefinitions[0]).toMatchObject({
      name: "Main",
      image: "public.ecr.aws/docker/library/httpd:latest",
      portMappings: [expect.objectContaining({ containerPort: 80 })],
    });

    const described = await ecs.send(new DescribeExpressGatewayServiceCommand({ serviceArn: service.serviceArn }));
    expect(described.service.activeConfigurations).toEqual(service.activeConfigurations);
    expect(described.service.tags).toBeUndefined();
    const withTags = await ecs.send(new DescribeExpressGatewayServiceCommand({ serviceArn: service.serviceArn, include: ["TAGS"] }));
    expect(withTags.service.tags).toEqual([{ key: "team", value: "web" }]);

    expect(await expressServices(endpoint)).toEqual([
      expect.objectContaining({ serviceArn: service.serviceArn, status: "ACTIVE", region: "us-east-1", endpoint: cfg.ingressPaths[0].endpoint }),
    ]);
  });

  it("leaves ordinary ECS services unmarked", async () => {
    await ecs.send(new CreateClusterCommand({ clusterName: "default" }));
    const td = await ecs.send(
      new RegisterTaskDefinitionCommand({ family: "plain", containerDefinitions: [{ name: "app", image: "nginx", memory: 128 }] }),
    );
    await ecs.send(new CreateServiceCommand({ cluster: "default", serviceName: "plain", taskDefinition: td.taskDefinition.taskDefinitionArn, desiredCount: 1 }));
    await ecs.send(new CreateExpressGatewayServiceCommand(webInput()));
    const { services } = await ecs.send(new DescribeServicesCommand({ cluster: "default", services: ["plain", "web"] }));
    const byName = Object.fromEntries(services.map((s) => [s.serviceName, s.resourceManagementType]));
    expect(byName).toEqual({ plain: undefined, web: "ECS" });
    // ListServices' resourceManagementType filter (moto ignores it; the gateway applies it)
    const arn = (name) => `arn:aws:ecs:us-east-1:123456789012:service/default/${name}`;
    const list = async (resourceManagementType) =>
      (await ecs.send(new ListServicesCommand({ cluster: "default", resourceManagementType }))).serviceArns;
    expect(await list("ECS")).toEqual([arn("web")]);
    expect(await list("CUSTOMER")).toEqual([arn("plain")]);
    expect(await list(undefined)).toEqual([arn("plain"), arn("web")]);
  });

  it("updates: new task definition revision, new deployment, moto service updated", async () => {
    const { service } = await ecs.send(new CreateExpressGatewayServiceCommand(webInput()));
    const before = service.activeConfigurations[0];
    const { service: updated } = await ecs.send(
      new UpdateExpressGatewayServiceCommand({
        serviceArn: service.serviceArn,
        primaryContainer: { image: "public.ecr.aws/docker/library/httpd:2.4" },
        cpu: "1024",
        memory: "2048",
        scalingTarget: { minTaskCount: 3, maxTaskCount: 6 },
        healthCheckPath: "/health",
      }),
    );
    expect(updated.status).toEqual({ statusCode: "ACTIVE" });
    const target = updated.targetConfiguration;
    expect(target.taskDefinitionArn).toBe("arn:aws:ecs:us-east-1:123456789012:task-definition/web:2");
    expect(target.primaryContainer).toMatchObject({ image: "public.ecr.aws/docker/library/httpd:2.4", containerPort: 80 });
    expect(target).toMatchObject({ cpu: "1024", memory: "2048", healthCheckPath: "/health", scalingTarget: { minTaskCount: 3, maxTaskCount: 6 } });
    expect(target.ingressPaths).toEqual(before.ingressPaths);
    expect(target.serviceRevisionArn).not.toBe(before.serviceRevisionArn);

    const described = (await ecs.send(new DescribeExpressGatewayServiceCommand({ serviceArn: service.serviceArn }))).service;
    expect(described.currentDeployment).not.toBe(service.currentDeployment);
    expect(described.activeConfigurations).toEqual([target]);
    const { services } = await ecs.send(new DescribeServicesCommand({ cluster: "default", services: ["web"] }));
    expect(services[0]).toMatchObject({ taskDefinition: target.taskDefinitionArn, desiredCount: 3 });

    const badPair = await rejection(ecs.send(new UpdateExpressGatewayServiceCommand({ serviceArn: service.serviceArn, cpu: "256", memory: "4096" })));
    expect(badPair.name).toBe("ClientException");
    const badScale = await rejection(
      ecs.send(new UpdateExpressGatewayServiceCommand({ serviceArn: service.serviceArn, scalingTarget: { minTaskCount: 8 } })),
    );
    expect(badScale.name).toBe("InvalidParameterException");
  });

  it("deletes: DRAINING, then INACTIVE; the moto service is gone", async () => {
    const { service } = await ecs.send(new CreateExpressGatewayServiceCommand(webInput()));
    const { service: deleting } = await ecs.send(new DeleteExpressGatewayServiceCommand({ serviceArn: service.serviceArn }));
    expect(deleting.status.statusCode).toBe("DRAINING");
    // moto keeps deleted services (INACTIVE) in ListServices; DescribeServices shows the status,
    // DRAINING first while the runtime agent stops the tasks (a busy machine can see it).
    const underlying = async () => (await ecs.send(new DescribeServicesCommand({ cluster: "default", services: ["web"] }))).services[0];
    await until(async () => (await underlying()).status === "INACTIVE");
    expect(await underlying()).toMatchObject({ status: "INACTIVE", desiredCount: 0 });
    await until(
      async () => (await ecs.send(new DescribeExpressGatewayServiceCommand({ serviceArn: service.serviceArn }))).service.status.statusCode === "INACTIVE",
    );
    const again = await rejection(ecs.send(new DeleteExpressGatewayServiceCommand({ serviceArn: service.serviceArn })));
    expect(again.name).toBe("ServiceNotActiveException");
    const update = await rejection(ecs.send(new UpdateExpressGatewayServiceCommand({ serviceArn: service.serviceArn, cpu: "1024", memory: "2048" })));
    expect(update.name).toBe("ServiceNotActiveException");
    const unknown = await rejection(
      ecs.send(new DescribeExpressGatewayServiceCommand({ serviceArn: "arn:aws:ecs:us-east-1:123456789012:service/default/nope" })),
    );
    expect(unknown.name).toBe("ServiceNotFoundException");
    // The name can be used again.
    const recreated = await ecs.send(new CreateExpressGatewayServiceCommand(webInput()));
    expect(recreated.service.status.statusCode).toBe("ACTIVE");
  });

  it("validates like the API and creates nothing when it refuses", async () => {
    const cases = [
      [webInput({ infrastructureRoleArn: undefined }), "InvalidParameterException", /infrastructureRoleArn/],
      [webInput({ infrastructureRoleArn: "not-an-arn" }), "InvalidParameterException", /infrastructureRoleArn/],
      [webInput({ cpu: "256", memory: "4096" }), "ClientException", /No Fargate configuration exists for given values: 256 CPU, 4096 memory/],
      [webInput({ cpu: "300" }), "ClientException", /No Fargate configuration/],
      [webInput({ scalingTarget: { minTaskCount: 5, maxTaskCount: 2 } }), "InvalidParameterException", /minTaskCount/],
      [webInput({ primaryContainer: { image: "httpd", containerPort: 70000 } }), "InvalidParameterException", /containerPort/],
      [webInput({ primaryContainer: undefined }), "InvalidParameterException", /primaryContainer/],
      [webInput({ healthCheckPath: "health" }), "InvalidParameterException", /healthCheckPath/],
      [webInput({ cluster: "missing" }), "ClusterNotFoundException", /Cluster not found/],
    ];
    for (const [input, name, message] of cases) {
      const err = await rejection(ecs.send(new CreateExpressGatewayServiceCommand(input)));
      expect([err.name, err.message]).toEqual([name, expect.stringMatching(message)]);
      expect(err.$metadata.httpStatusCode).toBe(400);
    }
    expect(await expressServices(endpoint)).toEqual([]);
    const calls = await sandboxCalls(endpoint);
    expect(calls.calls).toEqual({ "ecs:CreateExpressGatewayService": cases.length });
    expect(calls.unimplemented).toEqual({});

    // defaults: cluster "default", 256/512, /ping, port 80, 1..20 tasks
    const { service } = await ecs.send(
      new CreateExpressGatewayServiceCommand({
        serviceName: "minimal",
        infrastructureRoleArn: INFRA,
        executionRoleArn: EXEC,
        primaryContainer: { image: "public.ecr.aws/docker/library/httpd:latest" },
      }),
    );
    expect(service.activeConfigurations[0]).toMatchObject({
      cpu: "256",
      memory: "512",
      healthCheckPath: "/ping",
      primaryContainer: { containerPort: 80 },
      scalingTarget: { minTaskCount: 1, maxTaskCount: 20 },
    });
  });

  it("counts Express calls under ecs:<Operation> and applies fault rules", async () => {
    await injectFault(endpoint, { service: "ecs", operation: "CreateExpressGatewayService", fault: "access_denied" });
    const denied = await rejection(ecs.send(new CreateExpressGatewayServiceCommand(webInput())));
    expect(denied.name).toBe("AccessDeniedException");
    const { service } = await ecs.send(new CreateExpressGatewayServiceCommand(webInput()));
    await ecs.send(new DescribeExpressGatewayServiceCommand({ serviceArn: service.serviceArn }));
    const calls = await sandboxCalls(endpoint);
    expect(calls.calls).toEqual({ "ecs:CreateExpressGatewayService": 2, "ecs:DescribeExpressGatewayService": 1 });
    expect(calls.faulted).toEqual({ "ecs:CreateExpressGatewayService": 1 });
  });

  it("works in other regions and in a named existing cluster", async () => {
    const west = new ECSClient(clientConfig(endpoint, "eu-west-1"));
    try {
      await west.send(new CreateClusterCommand({ clusterName: "apps" }));
      const { service } = await west.send(new CreateExpressGatewayServiceCommand(webInput({ cluster: "apps" })));
      expect(service.serviceArn).toBe("arn:aws:ecs:eu-west-1:123456789012:service/apps/web");
      expect(service.activeConfigurations[0].ingressPaths[0].endpoint).toMatch(/\.ecs\.eu-west-1\.on\.aws$/);
      const { services } = await west.send(new DescribeServicesCommand({ cluster: "apps", services: ["web"] }));
      expect(services[0].resourceManagementType).toBe("ECS");
      const east = await ecs.send(new ListServicesCommand({ cluster: "default" })).catch((e) => e);
      expect(east.serviceArns ?? []).toEqual([]);
    } finally {
      west.destroy();
    }
  });
});
