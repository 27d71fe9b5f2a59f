// App Runner served by the sandbox gateway: real SDK clients against a started sandbox.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  AppRunnerClient,
  CreateAutoScalingConfigurationCommand,
  CreateServiceCommand,
  DeleteAutoScalingConfigurationCommand,
  DeleteServiceCommand,
  DescribeAutoScalingConfigurationCommand,
  DescribeServiceCommand,
  ListAutoScalingConfigurationsCommand,
  ListOperationsCommand,
  ListServicesCommand,
  ListTagsForResourceCommand,
  PauseServiceCommand,
  ResumeServiceCommand,
  StartDeploymentCommand,
  TagResourceCommand,
  UpdateServiceCommand,
} from "@aws-sdk/client-apprunner";
import { CloudWatchLogsClient, DescribeLogGroupsCommand, FilterLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { startSandbox } from "./start.mjs";
import { hasMoto, clientConfig, rejection } from "./test-support.mjs";
import { getAppRunner, injectFault, resetSandbox, sandboxCalls, setAppRunner } from "./client.mjs";
import { parseAppRunnerCpu, parseAppRunnerMemory } from "./apprunner.mjs";

const PACE = 150;

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

const httpdInput = (name, extra = {}) => ({
  ServiceName: name,
  SourceConfiguration: {
    ImageRepository: {
      ImageIdentifier: "public.ecr.aws/docker/library/httpd:latest",
      ImageRepositoryType: "ECR_PUBLIC",
      ImageConfiguration: { Port: "80", RuntimeEnvironmentVariables: { GREETING: "hello" } },
    },
    AutoDeploymentsEnabled: false,
  },
  InstanceConfiguration: { Cpu: "1 vCPU", Memory: "2 GB" },
  ...extra,
});

describe("App Runner value parsing", () => {
  it("accepts App Runner's CPU and memory spellings", () => {
    expect(parseAppRunnerCpu("1024")).toBe(1024);
    expect(parseAppRunnerCpu("1 vCPU")).toBe(1024);
    expect(parseAppRunnerCpu("0.25 vCPU")).toBe(256);
    expect(parseAppRunnerCpu("3 vCPU")).toBeNull();
    expect(parseAppRunnerCpu("1000")).toBeNull();
    expect(parseAppRunnerMemory("2 GB")).toBe(2048);
    expect(parseAppRunnerMemory("0.5 GB")).toBe(512);
    expect(parseAppRunnerMemory("12288")).toBe(12288);
    expect(parseAppRunnerMemory("5 GB")).toBeNull();
  });
});

describe.skipIf(!hasMoto)("App Runner in the sandbox gateway", () => {
  let sandbox;
  let endpoint;
  let ar;
  let logs;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, log: false, env: { MOTO_IAM_LOAD_MANAGED_POLICIES: "false" } });
    endpoint = sandbox.endpoint;
    ar = new AppRunnerClient(clientConfig(endpoint));
    logs = new CloudWatchLogsClient(clientConfig(endpoint));
  }, 60_000);

  afterAll(async () => {
    ar?.destroy();
    logs?.destroy();
    await sandbox?.stop();
  });

  beforeEach(async () => {
    await resetSandbox(endpoint);
    await setAppRunner(endpoint, { paceMs: PACE });
  });

  const describeStatus = async (arn) => (await ar.send(new DescribeServiceCommand({ ServiceArn: arn }))).Service.Status;

  it("creates a service: OPERATION_IN_PROGRESS, then RUNNING, with realistic identifiers", async () => {
    const created = await ar.send(new CreateServiceCommand(httpdInput("hello-web")));
    const svc = created.Service;
    expect(svc.Status).toBe("OPERATION_IN_PROGRESS");
    expect(svc.ServiceId).toMatch(/^[0-9a-f]{32}$/);
    expect(svc.ServiceArn).toBe(`arn:aws:apprunner:us-east-1:123456789012:service/hello-web/${svc.ServiceId}`);
    expect(svc.ServiceUrl).toMatch(/^[a-z0-9]{10}\.us-east-1\.awsapprunner\.com$/);
    expect(created.OperationId).toMatch(/^[0-9a-f]{32}$/);
    expect(svc.CreatedAt).toBeInstanceOf(Date);
    expect(svc.InstanceConfiguration).toEqual({ Cpu: "1024", Memory: "2048" });
    expect(svc.SourceConfiguration.ImageRepository.ImageConfiguration).toEqual({
      Port: "80",
      RuntimeEnvironmentVariables: { GREETING: "hello" },
    });
    expect(svc.HealthCheckConfiguration).toEqual({
      Protocol: "TCP",
      Path: "/",
      Interval: 5,
      Timeout: 2,
      HealthyThreshold: 1,
      UnhealthyThreshold: 5,
    });
    expect(svc.AutoScalingConfigurationSummary).toMatchObject({
      AutoScalingConfigurationName: "DefaultConfiguration",
      AutoScalingConfigurationRevision: 1,
      IsDefault: true,
    });
    expect(svc.NetworkConfiguration.IngressConfiguration.IsPubliclyAccessible).toBe(true);

    const listed = await ar.send(new ListServicesCommand({}));
    expect(listed.ServiceSummaryList.map((s) => [s.ServiceName, s.Status])).toEqual([["hello-web", "OPERATION_IN_PROGRESS"]]);

    await until(async () => (await describeStatus(svc.ServiceArn)) === "RUNNING");
    const ops = await ar.send(new ListOperationsCommand({ ServiceArn: svc.ServiceArn }));
    expect(ops.OperationSummaryList).toHaveLength(1);
    expect(ops.OperationSummaryList[0]).toMatchObject({
      Id: created.OperationId,
      Type: "CREATE_SERVICE",
      Status: "SUCCEEDED",
      TargetArn: svc.ServiceArn,
    });
    expect(ops.OperationSummaryList[0].EndedAt).toBeInstanceOf(Date);

    const dup = await rejection(ar.send(new CreateServiceCommand(httpdInput("hello-web"))));
    expect(dup.name).toBe("InvalidRequestException");
  });

  it("writes deployment and application log lines into the App Runner log groups", async () => {
    const { Service: svc, OperationId } = await ar.send(new CreateServiceCommand(httpdInput("logs-web")));
    await until(async () => (await describeStatus(svc.ServiceArn)) === "RUNNING");
    const base = `/aws/apprunner/logs-web/${svc.ServiceId}`;
    const serviceLines = (await logs.send(new FilterLogEventsCommand({ logGroupName: `${base}/service` }))).events.map((e) => e.message);
    expect(serviceLines).toEqual(
      expect.arrayContaining([
        `[AppRunner] Deployment with ID : ${OperationId} started. Triggering event : SERVICE_CREATE`,
        "[AppRunner] Successfully pulled your application image from ECR.",
        "[AppRunner] Health check on port '80' is successful.",
        `[AppRunner] Deployment with ID : ${OperationId} completed successfully.`,
      ]),
    );
    expect(serviceLines.indexOf(`[AppRunner] Deployment with ID : ${OperationId} completed successfully.`)).toBeGreaterThan(
      serviceLines.indexOf(`[AppRunner] Deployment with ID : ${OperationId} started. Triggering event : SERVICE_CREATE`),
    );
    const appLines = (await logs.send(new FilterLogEventsCommand({ logGroupName: `${base}/application` }))).events.map((e) => e.message);
    expect(appLines.some((l) => l.includes("AH00489: Apache"))).toBe(true);
    expect(appLines.some((l) => /"GET \/ HTTP\/1\.1" 200/.test(l))).toBe(true);

    // A manual deployment adds its own pair of lines.
    const { OperationId: deployId } = await ar.send(new StartDeploymentCommand({ ServiceArn: svc.ServiceArn }));
    expect(await describeStatus(svc.ServiceArn)).toBe("OPERATION_IN_PROGRESS");
    await until(async () => (await describeStatus(svc.ServiceArn)) === "RUNNING");
    const after = (await logs.send(new FilterLogEventsCommand({ logGroupName: `${base}/service`, filterPattern: `"${deployId}"` }))).events.map((e) => e.message);
    expect(after).toEqual([
      `[AppRunner] Deployment with ID : ${deployId} started. Triggering event : MANUAL_DEPLOY`,
      `[AppRunner] Deployment with ID : ${deployId} completed successfully.`,
    ]);
  });

  it("pauses and resumes, refusing transitions AWS refuses", async () => {
    const { Service: svc } = await ar.send(new CreateServiceCommand(httpdInput("pause-web")));
    const early = await rejection(ar.send(new PauseServiceCommand({ ServiceArn: svc.ServiceArn })));
    expect(early.name).toBe("InvalidStateException");
    expect(early.$metadata.httpStatusCode).toBe(400);
    await until(async () => (await describeStatus(svc.ServiceArn)) === "RUNNING");

    const resumeRunning = await rejection(ar.send(new ResumeServiceCommand({ ServiceArn: svc.ServiceArn })));
    expect(resumeRunning.name).toBe("InvalidStateException");

    const paused = await ar.send(new PauseServiceCommand({ ServiceArn: svc.ServiceArn }));
    expect(paused.Service.Status).toBe("OPERATION_IN_PROGRESS");
    expect(paused.OperationId).toMatch(/^[0-9a-f]{32}$/);
    await until(async () => (await describeStatus(svc.ServiceArn)) === "PAUSED");

    const pauseAgain = await rejection(ar.send(new PauseServiceCommand({ ServiceArn: svc.ServiceArn })));
    expect(pauseAgain.name).toBe("InvalidStateException");
    expect(pauseAgain.message).toContain("PAUSED");
    const deployPaused = await rejection(ar.send(new StartDeploymentCommand({ ServiceArn: svc.ServiceArn })));
    expect(deployPaused.name).toBe("InvalidStateException");

    await ar.send(new ResumeServiceCommand({ ServiceArn: svc.ServiceArn }));
    await until(async () => (await describeStatus(svc.ServiceArn)) === "RUNNING");
    const ops = (await ar.send(new ListOperationsCommand({ ServiceArn: svc.ServiceArn }))).OperationSummaryList;
    expect(ops.map((o) => [o.Type, o.Status])).toEqual([
      ["RESUME_SERVICE", "SUCCEEDED"],
      ["PAUSE_SERVICE", "SUCCEEDED"],
      ["CREATE_SERVICE", "SUCCEEDED"],
    ]);
  });

  it("deletes: OPERATION_IN_PROGRESS, then DELETED and gone from lists and Describe", async () => {
    const { Service: svc } = await ar.send(new CreateServiceCommand(httpdInput("gone-web")));
    await until(async () => (await describeStatus(svc.ServiceArn)) === "RUNNING");
    const deleted = await ar.send(new DeleteServiceCommand({ ServiceArn: svc.ServiceArn }));
    expect(deleted.Service.Status).toBe("OPERATION_IN_PROGRESS");
    expect(deleted.OperationId).toBeTruthy();
    await until(async () => (await ar.send(new ListServicesCommand({}))).ServiceSummaryList.length === 0);
    const err = await rejection(ar.send(new DescribeServiceCommand({ ServiceArn: svc.ServiceArn })));
    expect(err.name).toBe("ResourceNotFoundException");
    expect(err.message).toContain(svc.ServiceArn);
    // The name is free again.
    const again = await ar.send(new CreateServiceCommand(httpdInput("gone-web")));
    expect(again.Service.ServiceId).not.toBe(svc.ServiceId);
  });

  it("validates names, CPU/memory pairs, ports, and image sources like App Runner, without creating anything", async () => {
    const cases = [
      [httpdInput("abc"), /serviceName/],
      [httpdInput("-bad-name"), /serviceName/],
      [httpdInput("x".repeat(41)), /serviceName/],
      [httpdInput("pair-web", { InstanceConfiguration: { Cpu: "1 vCPU", Memory: "0.5 GB" } }), /isn't supported with 1 vCPU/],
      [httpdInput("pair-web", { InstanceConfiguration: { Cpu: "4096", Memory: "4096" } }), /isn't supported with 4 vCPU/],
      [httpdInput("pair-web", { InstanceConfiguration: { Cpu: "3 vCPU", Memory: "6 GB" } }), /cpu/],
    ];
    for (const [input, message] of cases) {
      const err = await rejection(ar.send(new CreateServiceCommand(input)));
      expect(err.name).toBe("InvalidRequestException");
      expect(err.message).toMatch(message);
    }
    for (const port of ["0", "51201", "http"]) {
      const input = httpdInput("port-web");
      input.SourceConfiguration.ImageRepository.ImageConfiguration.Port = port;
      const err = await rejection(ar.send(new CreateServiceCommand(input)));
      expect(err.name).toBe("InvalidRequestException");
      expect(err.message).toContain("port");
    }
    const privateNoRole = httpdInput("ecr-web");
    privateNoRole.SourceConfiguration.ImageRepository = {
      ImageIdentifier: "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:latest",
      ImageRepositoryType: "ECR",
    };
    expect((await rejection(ar.send(new CreateServiceCommand(privateNoRole)))).message).toContain("AccessRoleArn");

    // Every accepted pair works (and is normalized to units).
    const ok = await ar.send(new CreateServiceCommand(httpdInput("small-web", { InstanceConfiguration: { Cpu: "0.25 vCPU", Memory: "0.5 GB" } })));
    expect(ok.Service.InstanceConfiguration).toEqual({ Cpu: "256", Memory: "512" });
    expect((await ar.send(new ListServicesCommand({}))).ServiceSummaryList.map((s) => s.ServiceName)).toEqual(["small-web"]);
  });

  it("refuses CreateService as for an account new to App Runner while the switch is on", async () => {
    expect(await getAppRunner(endpoint)).toEqual({ refuseNewCustomers: false, paceMs: PACE });
    expect(await setAppRunner(endpoint, { refuseNewCustomers: true })).toEqual({ refuseNewCustomers: true, paceMs: PACE });
    const err = await rejection(ar.send(new CreateServiceCommand(httpdInput("new-web"))));
    expect(err.name).toBe("AccessDeniedException");
    expect(err.$metadata.httpStatusCode).toBe(400);
    expect(err.$metadata.requestId).toBeTruthy();
    expect(err.message).toContain("no longer open to new customers");
    expect(err.message).toContain("Amazon ECS Express Mode");
    expect((await ar.send(new ListServicesCommand({}))).ServiceSummaryList).toEqual([]);

    await setAppRunner(endpoint, { refuseNewCustomers: false });
    await ar.send(new CreateServiceCommand(httpdInput("new-web")));

    // reset turns the switch off again
    await setAppRunner(endpoint, { refuseNewCustomers: true });
    await resetSandbox(endpoint);
    expect((await getAppRunner(endpoint)).refuseNewCustomers).toBe(false);
    await expect(setAppRunner(endpoint, { refuseNewCustomers: "yes" })).rejects.toThrow(/HTTP 400/);
  });

  it("counts App Runner calls and applies fault rules to them", async () => {
    await ar.send(new ListServicesCommand({}));
    await injectFault(endpoint, { service: "apprunner", operation: "CreateService", fault: "throttle" });
    const throttled = await rejection(ar.send(new CreateServiceCommand(httpdInput("fault-web"))));
    expect(throttled.name).toBe("ThrottlingException");
    await ar.send(new CreateServiceCommand(httpdInput("fault-web")));
    const calls = await sandboxCalls(endpoint);
    expect(calls.calls).toEqual({ "apprunner:CreateService": 2, "apprunner:ListServices": 1 });
    expect(calls.faulted).toEqual({ "apprunner:CreateService": 1 });
    expect(calls.unimplemented).toEqual({});
    expect(calls.byRegion["us-east-1"]["apprunner:CreateService"]).toBe(2);
  });

  it("updates a service and keeps regions apart", async () => {
    const { Service: svc } = await ar.send(new CreateServiceCommand(httpdInput("upd-web")));
    const busy = await rejection(ar.send(new UpdateServiceCommand({ ServiceArn: svc.ServiceArn })));
    expect(busy.name).toBe("InvalidStateException");
    await until(async () => (await describeStatus(svc.ServiceArn)) === "RUNNING");
    const updated = await ar.send(
      new UpdateServiceCommand({
        ServiceArn: svc.ServiceArn,
        InstanceConfiguration: { Cpu: "2 vCPU", Memory: "4 GB" },
        HealthCheckConfiguration: { Protocol: "HTTP", Path: "/health" },
      }),
    );
    expect(updated.Service.Status).toBe("OPERATION_IN_PROGRESS");
    expect(updated.Service.InstanceConfiguration).toEqual({ Cpu: "2048", Memory: "4096" });
    expect(updated.Service.HealthCheckConfiguration).toMatchObject({ Protocol: "HTTP", Path: "/health", Interval: 5 });
    expect(updated.Service.SourceConfiguration.ImageRepository.ImageConfiguration.Port).toBe("80");
    await until(async () => (await describeStatus(svc.ServiceArn)) === "RUNNING");

    const west = new AppRunnerClient(clientConfig(endpoint, "eu-west-1"));
    const north = new AppRunnerClient(clientConfig(endpoint, "eu-north-1"));
    try {
      expect((await west.send(new ListServicesCommand({}))).ServiceSummaryList).toEqual([]);
      const err = await rejection(west.send(new DescribeServiceCommand({ ServiceArn: svc.ServiceArn })));
      expect(err.name).toBe("ResourceNotFoundException");
      // No App Runner in eu-north-1: the connection fails (no HTTP answer), and the call is still counted.
      const none = await rejection(north.send(new ListServicesCommand({})));
      expect(none.$metadata?.httpStatusCode).toBeUndefined();
      expect((await sandboxCalls(endpoint)).byRegion["eu-north-1"]).toEqual({ "apprunner:ListServices": 1 });
    } finally {
      west.destroy();
      north.destroy();
    }
  });

  it("pages ListServices only when asked, and forgets everything on reset, logs included", async () => {
    for (const name of ["page-one", "page-two", "page-three"]) await ar.send(new CreateServiceCommand(httpdInput(name)));
    expect((await ar.send(new ListServicesCommand({}))).ServiceSummaryList).toHaveLength(3);
    const first = await ar.send(new ListServicesCommand({ MaxResults: 2 }));
    expect(first.ServiceSummaryList.map((s) => s.ServiceName)).toEqual(["page-three", "page-two"]);
    const second = await ar.send(new ListServicesCommand({ MaxResults: 2, NextToken: first.NextToken }));
    expect(second.ServiceSummaryList.map((s) => s.ServiceName)).toEqual(["page-one"]);
    expect(second.NextToken).toBeUndefined();
    expect((await rejection(ar.send(new ListServicesCommand({ MaxResults: 21 })))).name).toBe("InvalidRequestException");

    // Reset while the creations are still in progress: no service, and no log group appears later.
    await resetSandbox(endpoint);
    await new Promise((r) => setTimeout(r, PACE * 3));
    expect((await ar.send(new ListServicesCommand({}))).ServiceSummaryList).toEqual([]);
    expect((await logs.send(new DescribeLogGroupsCommand({}))).logGroups).toEqual([]);
  });

  it("has the default auto scaling configuration and custom ones with revisions and tags", async () => {
    const list0 = await ar.send(new ListAutoScalingConfigurationsCommand({}));
    expect(list0.AutoScalingConfigurationSummaryList).toHaveLength(1);
    const def = list0.AutoScalingConfigurationSummaryList[0];
    expect(def).toMatchObject({ AutoScalingConfigurationName: "DefaultConfiguration", AutoScalingConfigurationRevision: 1, Status: "ACTIVE", IsDefault: true });
    const defFull = await ar.send(new DescribeAutoScalingConfigurationCommand({ AutoScalingConfigurationArn: def.AutoScalingConfigurationArn }));
    expect(defFull.AutoScalingConfiguration).toMatchObject({ MinSize: 1, MaxSize: 25, MaxConcurrency: 100, Latest: true });

    const r1 = (await ar.send(new CreateAutoScalingConfigurationCommand({ AutoScalingConfigurationName: "busy", MinSize: 2, MaxSize: 10, MaxConcurrency: 50, Tags: [{ Key: "team", Value: "web" }] }))).AutoScalingConfiguration;
    const r2 = (await ar.send(new CreateAutoScalingConfigurationCommand({ AutoScalingConfigurationName: "busy", MinSize: 3 }))).AutoScalingConfiguration;
    expect(r1.AutoScalingConfigurationArn).toMatch(/^arn:aws:apprunner:us-east-1:123456789012:autoscalingconfiguration\/busy\/1\/[0-9a-f]{32}$/);
    expect([r1.AutoScalingConfigurationRevision, r2.AutoScalingConfigurationRevision]).toEqual([1, 2]);
    expect(r2).toMatchObject({ MinSize: 3, MaxSize: 25, MaxConcurrency: 100, Latest: true, IsDefault: false });
    const latest = await ar.send(new ListAutoScalingConfigurationsCommand({ AutoScalingConfigurationName: "busy", LatestOnly: true }));
    expect(latest.AutoScalingConfigurationSummaryList.map((a) => a.AutoScalingConfigurationRevision)).toEqual([2]);

    const bad = await rejection(ar.send(new CreateAutoScalingConfigurationCommand({ AutoScalingConfigurationName: "busy", MinSize: 5, MaxSize: 2 })));
    expect(bad.name).toBe("InvalidRequestException");

    // A service uses revision 1 (by ARN) → it can't be deleted; revision 2 can.
    const { Service: svc } = await ar.send(new CreateServiceCommand(httpdInput("asc-web", { AutoScalingConfigurationArn: r1.AutoScalingConfigurationArn })));
    expect(svc.AutoScalingConfigurationSummary.AutoScalingConfigurationArn).toBe(r1.AutoScalingConfigurationArn);
    const inUse = await rejection(ar.send(new DeleteAutoScalingConfigurationCommand({ AutoScalingConfigurationArn: r1.AutoScalingConfigurationArn })));
    expect(inUse.name).toBe("InvalidRequestException");
    const del = await ar.send(new DeleteAutoScalingConfigurationCommand({ AutoScalingConfigurationArn: r2.AutoScalingConfigurationArn }));
    expect(del.AutoScalingConfiguration.Status).toBe("INACTIVE");

    expect((await ar.send(new ListTagsForResourceCommand({ ResourceArn: r1.AutoScalingConfigurationArn }))).Tags).toEqual([{ Key: "team", Value: "web" }]);
    await ar.send(new TagResourceCommand({ ResourceArn: svc.ServiceArn, Tags: [{ Key: "env", Value: "dev" }] }));
    expect((await ar.send(new ListTagsForResourceCommand({ ResourceArn: svc.ServiceArn }))).Tags).toEqual([{ Key: "env", Value: "dev" }]);
  });
});
