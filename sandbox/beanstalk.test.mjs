// Elastic Beanstalk in the gateway, driven with the real SDK client against a started sandbox:
// storage, platforms, applications, versions (bundles in moto S3), environment launch, health,
// deployments batch by batch, crash versions, URL swaps, logs, termination. Plus its parsers.
import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  AbortEnvironmentUpdateCommand,
  CheckDNSAvailabilityCommand,
  CreateApplicationCommand,
  CreateApplicationVersionCommand,
  CreateEnvironmentCommand,
  CreateStorageLocationCommand,
  DeleteApplicationCommand,
  DescribeApplicationVersionsCommand,
  DescribeApplicationsCommand,
  DescribeConfigurationSettingsCommand,
  DescribeEnvironmentHealthCommand,
  DescribeEnvironmentResourcesCommand,
  DescribeEnvironmentsCommand,
  DescribeEventsCommand,
  DescribeInstancesHealthCommand,
  ElasticBeanstalkClient,
  ListAvailableSolutionStacksCommand,
  ListTagsForResourceCommand,
  RebuildEnvironmentCommand,
  RequestEnvironmentInfoCommand,
  RestartAppServerCommand,
  RetrieveEnvironmentInfoCommand,
  SwapEnvironmentCNAMEsCommand,
  TerminateEnvironmentCommand,
  UpdateEnvironmentCommand,
} from "@aws-sdk/client-elastic-beanstalk";
import { PutObjectCommand, S3Client, HeadBucketCommand } from "@aws-sdk/client-s3";
import { hostile, quick } from "../lib/core/testing/fuzz";
import { startSandbox } from "./start.mjs";
import { hasMoto, clientConfig, rejection } from "./test-support.mjs";
import { getBeanstalk, resetSandbox, sandboxCalls, setBeanstalk } from "./client.mjs";
import { readBundle, readCompose, readDockerrun, unzipRoot, zipFiles } from "./beanstalk-bundle.mjs";
import { parseQuery, toXml } from "./beanstalk.mjs";

const dockerrun = (image, port = 8080) => JSON.stringify({ AWSEBDockerrunVersion: "1", Image: { Name: image, Update: "true" }, Ports: [{ ContainerPort: port }] });
const COMPOSE = `services:\n  web:\n    image: "nginx:1.27"\n    ports:\n      - "80:8080"\n    environment:\n      - A=1\n`;

describe("Beanstalk bundles", () => {
  it("reads a Dockerrun.aws.json v1, a compose file and zips of either", () => {
    expect(readDockerrun(dockerrun("nginx:1.27", 8080))).toMatchObject({ ok: true, kind: "dockerrun", image: "nginx:1.27", port: 8080 });
    expect(readCompose(COMPOSE)).toMatchObject({ ok: true, kind: "compose", image: "nginx:1.27", port: 8080 });
    expect(readBundle(zipFiles({ "Dockerrun.aws.json": dockerrun("web:2", 3000) }))).toMatchObject({ ok: true, image: "web:2", port: 3000 });
    expect(readBundle(zipFiles({ "docker-compose.yml": COMPOSE, "README.md": "hi" }))).toMatchObject({ ok: true, kind: "compose", port: 8080 });
    expect(unzipRoot(zipFiles({ a: "1", b: "2" }), new Set(["b"])).get("b").toString()).toBe("2");
  });

  it("refuses what the Docker platform refuses", () => {
    expect(readDockerrun('{"AWSEBDockerrunVersion":"1"}')).toMatchObject({ ok: false, error: "Dockerrun.aws.json: 'Image.Name' is required." });
    expect(readDockerrun("{not json")).toMatchObject({ ok: false });
    expect(readDockerrun('{"AWSEBDockerrunVersion":"1","Image":{"Name":"x"},"Ports":[{"ContainerPort":99999}]}')).toMatchObject({ ok: false });
    expect(readBundle(Buffer.from("hello"))).toMatchObject({ ok: false });
    expect(readBundle(zipFiles({ "app.js": "x" }))).toMatchObject({ ok: false });
    expect(readBundle(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(40)]))).toMatchObject({ ok: false });
  });

  it("stays bounded under fuzz", () => {
    fc.assert(
      fc.property(hostile, (text) =>
        quick(() => {
          for (const r of [readDockerrun(text), readCompose(text), readBundle(Buffer.from(text))]) {
            expect(typeof r.ok).toBe("boolean");
            expect(r.image.length).toBeLessThanOrEqual(512);
          }
        }),
      ),
      { numRuns: 1_000 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.nat({ max: 380 }), (bytes, cut) =>
        quick(() => {
          const zip = zipFiles({ "Dockerrun.aws.json": dockerrun("a:1") });
          const broken = Buffer.concat([zip.subarray(0, Math.min(cut, zip.length)), Buffer.from(bytes)]);
          expect(typeof readBundle(broken).ok).toBe("boolean");
        }),
      ),
      { numRuns: 500 },
    );
  });

  it("parses Query parameters into lists, and ignores prototype keys", () => {
    const q = parseQuery([
      ["OptionSettings.member.2.Namespace", "b"],
      ["OptionSettings.member.1.Namespace", "a"],
      ["EnvironmentNames.member.1", "x"],
      ["__proto__.polluted", "1"],
      ["SourceBundle.S3Bucket", "bk"],
    ]);
    expect(q.OptionSettings.map((o) => o.Namespace)).toEqual(["a", "b"]);
    expect(q.EnvironmentNames).toEqual(["x"]);
    expect(q.SourceBundle).toEqual({ S3Bucket: "bk" });
    expect({}.polluted).toBeUndefined();
    expect(toXml("L", ["a", { B: 1 }])).toBe("<L><member>a</member><member><B>1</B></member></L>");
    expect(() => parseQuery(Array.from({ length: 2001 }, (_, i) => [`K${i}`, "v"]))).toThrow(/Too many/);
    fc.assert(fc.property(fc.array(fc.tuple(hostile, hostile), { maxLength: 20 }), (pairs) => quick(() => void parseQuery(pairs))), { numRuns: 300 });
  });
});

const STACK = "64bit Amazon Linux 2023 v4.5.1 running Docker";
const PROFILE = { Namespace: "aws:autoscaling:launchconfiguration", OptionName: "IamInstanceProfile", Value: "aws-elasticbeanstalk-ec2-role" };
const lb = (min, policy = "Rolling", batch = ["Fixed", "1"]) => [
  PROFILE,
  { Namespace: "aws:elasticbeanstalk:environment", OptionName: "EnvironmentType", Value: "LoadBalanced" },
  { Namespace: "aws:elasticbeanstalk:environment", OptionName: "LoadBalancerType", Value: "application" },
  { Namespace: "aws:autoscaling:asg", OptionName: "MinSize", Value: String(min) },
  { Namespace: "aws:autoscaling:asg", OptionName: "MaxSize", Value: String(Math.max(min, 4)) },
  { Namespace: "aws:elasticbeanstalk:command", OptionName: "DeploymentPolicy", Value: policy },
  { Namespace: "aws:elasticbeanstalk:command", OptionName: "BatchSizeType", Value: batch[0] },
  { Namespace: "aws:elasticbeanstalk:command", OptionName: "BatchSize", Value: batch[1] },
  { Namespace: "aws:elasticbeanstalk:healthreporting:system", OptionName: "SystemType", Value: "enhanced" },
  { Namespace: "aws:elasticbeanstalk:application:environment", OptionName: "GREETING", Value: "hello" },
];

async function until(read, ok, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met in ${timeoutMs} ms; last value: ${JSON.stringify(value).slice(0, 800)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.runIf(hasMoto)("Elastic Beanstalk in the gateway", () => {
  let sandbox;
  let eb;
  let s3;
  let bucket;
  const env = (name) => eb.send(new DescribeEnvironmentsCommand({ EnvironmentNames: [name] })).then((r) => r.Environments[0]);
  const ready = (name) => until(() => env(name), (e) => e?.Status === "Ready");
  const version = async (app, label, body) => {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: `${app}/${label}.json`, Body: body }));
    return (await eb.send(new CreateApplicationVersionCommand({ ApplicationName: app, VersionLabel: label, SourceBundle: { S3Bucket: bucket, S3Key: `${app}/${label}.json` }, Process: true }))).ApplicationVersion;
  };

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, log: false, env: { MOTO_IAM_LOAD_MANAGED_POLICIES: "false" } });
    eb = new ElasticBeanstalkClient(clientConfig(sandbox.endpoint));
    s3 = new S3Client({ ...clientConfig(sandbox.endpoint), forcePathStyle: true });
  }, 60_000);
  afterAll(async () => sandbox?.stop());
  beforeEach(async () => {
    await resetSandbox(sandbox.endpoint);
    await setBeanstalk(sandbox.endpoint, { paceMs: 150 });
    bucket = (await eb.send(new CreateStorageLocationCommand({}))).S3Bucket;
  });

  it("creates the storage bucket in S3, lists Docker stacks, answers DNS availability", async () => {
    expect(bucket).toBe("elasticbeanstalk-us-east-1-123456789012");
    await s3.send(new HeadBucketCommand({ Bucket: bucket }));
    const stacks = await eb.send(new ListAvailableSolutionStacksCommand({}));
    expect(stacks.SolutionStacks.filter((s) => /^64bit Amazon Linux 2023 v4\.\d+\.\d+ running Docker$/.test(s)).length).toBeGreaterThanOrEqual(3);
    expect(stacks.SolutionStacks.some((s) => s.endsWith("running ECS"))).toBe(true);
    expect(stacks.SolutionStackDetails.find((d) => d.SolutionStackName === STACK).PermittedFileTypes).toContain("json");
    const dns = await eb.send(new CheckDNSAvailabilityCommand({ CNAMEPrefix: "shop-blue" }));
    expect(dns).toMatchObject({ Available: true, FullyQualifiedCNAME: "shop-blue.us-east-1.elasticbeanstalk.com" });
    const calls = await sandboxCalls(sandbox.endpoint);
    expect(calls.calls["elasticbeanstalk:CheckDNSAvailability"]).toBe(1);
    expect(calls.unimplemented).toEqual({});
  });

  it("keeps versions whose bundle is in S3, validates them, refuses a missing object", async () => {
    await eb.send(new CreateApplicationCommand({ ApplicationName: "shop", Description: "the shop", Tags: [{ Key: "team", Value: "web" }] }));
    expect((await rejection(eb.send(new CreateApplicationCommand({ ApplicationName: "shop" })))).message).toBe("Application shop already exists.");
    const missing = await rejection(eb.send(new CreateApplicationVersionCommand({ ApplicationName: "shop", VersionLabel: "v0", SourceBundle: { S3Bucket: bucket, S3Key: "nope.zip" } })));
    expect(missing.name).toBe("InvalidParameterCombination");
    expect(missing.message).toBe(`Unable to download from S3 location (Bucket: ${bucket}  Key: nope.zip). Reason: Not Found`);
    expect((await version("shop", "v1", dockerrun("nginx:1.27"))).Status).toBe("PROCESSED");
    expect((await version("shop", "bad", '{"AWSEBDockerrunVersion":"1"}')).Status).toBe("FAILED");
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: "shop/compose.zip", Body: zipFiles({ "docker-compose.yml": COMPOSE }) }));
    const zipped = await eb.send(new CreateApplicationVersionCommand({ ApplicationName: "shop", VersionLabel: "v2", SourceBundle: { S3Bucket: bucket, S3Key: "shop/compose.zip" }, Process: true }));
    expect(zipped.ApplicationVersion.Status).toBe("PROCESSED");
    const versions = await eb.send(new DescribeApplicationVersionsCommand({ ApplicationName: "shop" }));
    expect(versions.ApplicationVersions.map((v) => v.VersionLabel)).toEqual(["v2", "bad", "v1"]);
    const apps = await eb.send(new DescribeApplicationsCommand({ ApplicationNames: ["shop"] }));
    expect(apps.Applications[0]).toMatchObject({ ApplicationName: "shop", Description: "the shop", Versions: ["v2", "bad", "v1"] });
    const tags = await eb.send(new ListTagsForResourceCommand({ ResourceArn: apps.Applications[0].ApplicationArn }));
    expect(tags.ResourceTags).toEqual([{ Key: "team", Value: "web" }]);
  });

  it("refuses environments AWS refuses, launches one to Ready / Green with AWS's events", async () => {
    await eb.send(new CreateApplicationCommand({ ApplicationName: "shop" }));
    await version("shop", "v1", dockerrun("nginx:1.27"));
    const base = { ApplicationName: "shop", EnvironmentName: "shop-blue", SolutionStackName: STACK, VersionLabel: "v1", CNAMEPrefix: "shop-blue" };
    const noProfile = await rejection(eb.send(new CreateEnvironmentCommand({ ...base, OptionSettings: [] })));
    expect(noProfile.message).toBe("Environment must have instance profile associated with it.");
    expect(noProfile.name).toBe("InvalidParameterValue");
    expect((await rejection(eb.send(new CreateEnvironmentCommand({ ...base, SolutionStackName: "64bit Windows", OptionSettings: lb(2) })))).message).toBe("No Solution Stack named '64bit Windows' found.");
    expect((await rejection(eb.send(new CreateEnvironmentCommand({ ...base, EnvironmentName: "abc", OptionSettings: lb(2) })))).name).toBe("ValidationError");
    const created = await eb.send(new CreateEnvironmentCommand({ ...base, OptionSettings: lb(2), Tags: [{ Key: "owner", Value: "ops" }] }));
    expect(created).toMatchObject({ Status: "Launching", Health: "Grey", CNAME: "shop-blue.us-east-1.elasticbeanstalk.com", VersionLabel: "v1", SolutionStackName: STACK });
    expect(created.EnvironmentId).toMatch(/^e-[a-z0-9]{10}$/);
    expect((await rejection(eb.send(new CreateEnvironmentCommand({ ...base, OptionSettings: lb(2) })))).message).toBe("Environment shop-blue already exists.");
    expect((await rejection(eb.send(new CreateEnvironmentCommand({ ...base, EnvironmentName: "shop-other", OptionSettings: lb(2) })))).message).toBe("DNS name (shop-blue.us-east-1.elasticbeanstalk.com) is not available.");
    expect((await eb.send(new CheckDNSAvailabilityCommand({ CNAMEPrefix: "shop-blue" }))).Available).toBe(false);

    const done = await until(() => env("shop-blue"), (e) => e.Status === "Ready" && e.HealthStatus === "Ok");
    expect(done).toMatchObject({ Health: "Green", HealthStatus: "Ok" });
    expect(done.EndpointURL).toMatch(/^awseb--AWSEB-.*\.us-east-1\.elb\.amazonaws\.com$/);
    const events = (await eb.send(new DescribeEventsCommand({ EnvironmentName: "shop-blue" }))).Events.map((e) => e.Message).reverse();
    expect(events[0]).toBe("createEnvironment is starting.");
    expect(events.some((m) => /^Created security group named: /.test(m))).toBe(true);
    expect(events.some((m) => m.startsWith("Environment health has transitioned from Pending to Ok."))).toBe(true);
    expect(events.at(-1)).toMatch(/Successfully launched environment: shop-blue|Environment health has transitioned from Pending to Ok/);
    expect(events).toContain("Successfully launched environment: shop-blue");

    const resources = await eb.send(new DescribeEnvironmentResourcesCommand({ EnvironmentName: "shop-blue" }));
    expect(resources.EnvironmentResources.Instances).toHaveLength(2);
    expect(resources.EnvironmentResources.LoadBalancers).toHaveLength(1);
    const health = await eb.send(new DescribeEnvironmentHealthCommand({ EnvironmentName: "shop-blue", AttributeNames: ["All"] }));
    expect(health).toMatchObject({ HealthStatus: "Ok", Color: "Green", Status: "Ready", InstancesHealth: { Ok: 2, Severe: 0 } });
    expect(health.RefreshedAt).toBeInstanceOf(Date);
    const inst = await eb.send(new DescribeInstancesHealthCommand({ EnvironmentName: "shop-blue", AttributeNames: ["All"] }));
    expect(inst.InstanceHealthList.map((i) => i.Deployment)).toEqual([expect.objectContaining({ VersionLabel: "v1", Status: "Deployed" }), expect.objectContaining({ VersionLabel: "v1", Status: "Deployed" })]);
    const settings = await eb.send(new DescribeConfigurationSettingsCommand({ ApplicationName: "shop", EnvironmentName: "shop-blue" }));
    const options = settings.ConfigurationSettings[0].OptionSettings;
    expect(options).toContainEqual({ Namespace: "aws:elasticbeanstalk:application:environment", OptionName: "GREETING", Value: "hello" });
    expect(options).toContainEqual({ Namespace: "aws:autoscaling:asg", OptionName: "MinSize", Value: "2" });
    expect(options).toContainEqual({ Namespace: "aws:autoscaling:launchconfiguration", OptionName: "InstanceType", Value: "t3.micro" });
    const typed = await eb.send(new CreateEnvironmentCommand({ ...base, EnvironmentName: "shop-typed", CNAMEPrefix: "shop-typed", OptionSettings: [PROFILE, { Namespace: "aws:ec2:instances", OptionName: "InstanceTypes", Value: "t3.small" }] }));
    await ready("shop-typed");
    const typedHealth = await eb.send(new DescribeInstancesHealthCommand({ EnvironmentName: typed.EnvironmentName, AttributeNames: ["All"] }));
    expect(typedHealth.InstanceHealthList.map((i) => i.InstanceType)).toEqual(["t3.small"]);
  });

  it("deploys a new version batch by batch (Rolling, fixed batch of 1), observable per instance", async () => {
    await eb.send(new CreateApplicationCommand({ ApplicationName: "shop" }));
    await version("shop", "v1", dockerrun("nginx:1.27"));
    await version("shop", "v2", dockerrun("nginx:1.28"));
    await eb.send(new CreateEnvironmentCommand({ ApplicationName: "shop", EnvironmentName: "shop-blue", SolutionStackName: STACK, VersionLabel: "v1", OptionSettings: lb(3) }));
    await ready("shop-blue");
    await setBeanstalk(sandbox.endpoint, { paceMs: 400 });
    const started = await eb.send(new UpdateEnvironmentCommand({ EnvironmentName: "shop-blue", VersionLabel: "v2" }));
    expect(started.Status).toBe("Updating");
    expect((await rejection(eb.send(new UpdateEnvironmentCommand({ EnvironmentName: "shop-blue", VersionLabel: "v1" })))).message).toBe("Environment named shop-blue is in an invalid state for this operation. Must be Ready.");
    const seen = new Set();
    await until(
      async () => {
        const list = (await eb.send(new DescribeInstancesHealthCommand({ EnvironmentName: "shop-blue", AttributeNames: ["All"] }))).InstanceHealthList;
        const onV2 = list.filter((i) => i.Deployment.VersionLabel === "v2" && i.Deployment.Status === "Deployed").length;
        seen.add(onV2);
        return { onV2, status: (await env("shop-blue")).Status };
      },
      (s) => s.status === "Ready",
    );
    expect([...seen].sort()).toEqual([0, 1, 2, 3]);
    const e = await env("shop-blue");
    expect(e).toMatchObject({ VersionLabel: "v2", HealthStatus: "Ok" });
    const messages = (await eb.send(new DescribeEventsCommand({ EnvironmentName: "shop-blue" }))).Events.map((x) => x.Message).reverse();
    const from = messages.lastIndexOf("Environment update is starting.");
    const tail = messages.slice(from);
    expect(tail.filter((m) => /^Batch \d: Starting application deployment on instance\(s\) \[i-[0-9a-f]+\]\.$/.test(m))).toHaveLength(3);
    expect(tail.indexOf("Batch 1: Completed application deployment.")).toBeLessThan(tail.findIndex((m) => m.startsWith("Batch 2: Starting")));
    expect(tail.at(-1)).toBe("Environment update completed successfully.");
  });

  it("a crash image turns the environment Severe; a rolling deploy of one stops; immutable rolls back", async () => {
    await eb.send(new CreateApplicationCommand({ ApplicationName: "shop" }));
    await version("shop", "v1", dockerrun("nginx:1.27"));
    await version("shop", "boom", dockerrun("example/crash:1"));
    await eb.send(new CreateEnvironmentCommand({ ApplicationName: "shop", EnvironmentName: "shop-red", SolutionStackName: STACK, VersionLabel: "boom", OptionSettings: [PROFILE] }));
    const red = await until(() => env("shop-red"), (e) => e.Status === "Ready");
    expect(red).toMatchObject({ Health: "Red", HealthStatus: "Severe" });
    const health = await eb.send(new DescribeEnvironmentHealthCommand({ EnvironmentName: "shop-red", AttributeNames: ["All"] }));
    expect(health.Causes).toContain("Following services are not running: application.");
    const errors = (await eb.send(new DescribeEventsCommand({ EnvironmentName: "shop-red", Severity: "ERROR" }))).Events.map((x) => x.Message);
    expect(errors).toContain("Instance deployment failed. For details, see 'eb-engine.log'.");

    await eb.send(new CreateEnvironmentCommand({ ApplicationName: "shop", EnvironmentName: "shop-roll", SolutionStackName: STACK, VersionLabel: "v1", OptionSettings: lb(2) }));
    await ready("shop-roll");
    await eb.send(new UpdateEnvironmentCommand({ EnvironmentName: "shop-roll", VersionLabel: "boom" }));
    const rolled = await until(() => env("shop-roll"), (e) => e.Status === "Ready");
    expect(rolled).toMatchObject({ VersionLabel: "v1", HealthStatus: "Degraded", Health: "Red" });
    const after = (await eb.send(new DescribeInstancesHealthCommand({ EnvironmentName: "shop-roll", AttributeNames: ["All"] }))).InstanceHealthList;
    expect(after.map((i) => `${i.Deployment.VersionLabel}:${i.Deployment.Status}`).sort()).toEqual(["boom:Failed", "v1:Deployed"]);
    const rollMsgs = (await eb.send(new DescribeEventsCommand({ EnvironmentName: "shop-roll" }))).Events.map((x) => x.Message);
    expect(rollMsgs).toContain("Failed to deploy application.");
    expect(rollMsgs.some((m) => m.startsWith("Batch 1: Failed application deployment"))).toBe(true);
    expect(rollMsgs.some((m) => m.startsWith("Batch 2: Starting"))).toBe(false);

    await eb.send(new CreateEnvironmentCommand({ ApplicationName: "shop", EnvironmentName: "shop-imm", SolutionStackName: STACK, VersionLabel: "v1", OptionSettings: lb(2, "Immutable") }));
    await ready("shop-imm");
    await eb.send(new UpdateEnvironmentCommand({ EnvironmentName: "shop-imm", VersionLabel: "boom" }));
    const imm = await until(() => env("shop-imm"), (e) => e.Status === "Ready");
    expect(imm).toMatchObject({ VersionLabel: "v1", HealthStatus: "Ok" });
    const immInst = (await eb.send(new DescribeInstancesHealthCommand({ EnvironmentName: "shop-imm", AttributeNames: ["All"] }))).InstanceHealthList;
    expect(immInst.map((i) => i.Deployment.VersionLabel)).toEqual(["v1", "v1"]);
  });

  it("rolling with an additional batch keeps the capacity; traffic splitting replaces the instances; events page and filter", async () => {
    await eb.send(new CreateApplicationCommand({ ApplicationName: "shop" }));
    await version("shop", "v1", dockerrun("nginx:1.27"));
    await version("shop", "v2", dockerrun("nginx:1.28"));
    await eb.send(new CreateEnvironmentCommand({ ApplicationName: "shop", EnvironmentName: "shop-extra", SolutionStackName: STACK, VersionLabel: "v1", OptionSettings: lb(3, "RollingWithAdditionalBatch") }));
    await eb.send(new CreateEnvironmentCommand({ ApplicationName: "shop", EnvironmentName: "shop-split", SolutionStackName: STACK, VersionLabel: "v1", OptionSettings: lb(2, "TrafficSplitting") }));
    await ready("shop-extra");
    await ready("shop-split");
    const ids = async (name) => (await eb.send(new DescribeInstancesHealthCommand({ EnvironmentName: name, AttributeNames: ["All"] }))).InstanceHealthList;
    const before = (await ids("shop-extra")).map((i) => i.InstanceId);
    const counts = new Set();
    await eb.send(new UpdateEnvironmentCommand({ EnvironmentName: "shop-extra", VersionLabel: "v2" }));
    await until(async () => {
      const list = await ids("shop-extra");
      counts.add(list.length);
      return (await env("shop-extra")).Status;
    }, (s) => s === "Ready");
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(3);
    const extra = await ids("shop-extra");
    expect(extra).toHaveLength(3);
    expect(extra.every((i) => i.Deployment.VersionLabel === "v2" && i.Deployment.Status === "Deployed")).toBe(true);
    expect(extra.filter((i) => before.includes(i.InstanceId))).toHaveLength(2);
    const extraMsgs = (await eb.send(new DescribeEventsCommand({ EnvironmentName: "shop-extra" }))).Events.map((e) => e.Message);
    expect(extraMsgs.some((m) => /^Batch 3: Completed application deployment\.$/.test(m))).toBe(true);
    expect(extraMsgs.some((m) => m.startsWith("Removed instance ["))).toBe(true);

    const splitBefore = (await ids("shop-split")).map((i) => i.InstanceId);
    await eb.send(new UpdateEnvironmentCommand({ EnvironmentName: "shop-split", VersionLabel: "v2" }));
    const split = await until(() => env("shop-split"), (e) => e.Status === "Ready");
    expect(split.VersionLabel).toBe("v2");
    const after = await ids("shop-split");
    expect(after).toHaveLength(2);
    expect(after.some((i) => splitBefore.includes(i.InstanceId))).toBe(false);
    const splitMsgs = (await eb.send(new DescribeEventsCommand({ EnvironmentName: "shop-split" }))).Events.map((e) => e.Message);
    expect(splitMsgs).toContain("Sending 10% of traffic to the new instances and evaluating their health for 5 minutes.");

    const page1 = await eb.send(new DescribeEventsCommand({ ApplicationName: "shop", MaxRecords: 5 }));
    expect(page1.Events).toHaveLength(5);
    const page2 = await eb.send(new DescribeEventsCommand({ ApplicationName: "shop", MaxRecords: 5, NextToken: page1.NextToken }));
    expect(page2.Events[0].EventDate.getTime()).toBeLessThanOrEqual(page1.Events[4].EventDate.getTime());
    expect((await eb.send(new DescribeEventsCommand({ ApplicationName: "shop", Severity: "ERROR" }))).Events).toEqual([]);
    expect((await rejection(eb.send(new DescribeEventsCommand({ MaxRecords: 5000 })))).name).toBe("ValidationError");
  });

  it("swaps CNAMEs, writes events on both; updates option settings; rebuilds and restarts", async () => {
    await eb.send(new CreateApplicationCommand({ ApplicationName: "shop" }));
    await version("shop", "v1", dockerrun("nginx:1.27"));
    for (const name of ["shop-blue", "shop-green"]) {
      await eb.send(new CreateEnvironmentCommand({ ApplicationName: "shop", EnvironmentName: name, CNAMEPrefix: name, SolutionStackName: STACK, VersionLabel: "v1", OptionSettings: lb(1, "AllAtOnce", ["Percentage", "100"]) }));
    }
    await ready("shop-blue");
    await ready("shop-green");
    await eb.send(new SwapEnvironmentCNAMEsCommand({ SourceEnvironmentName: "shop-blue", DestinationEnvironmentName: "shop-green" }));
    expect((await env("shop-blue")).CNAME).toBe("shop-green.us-east-1.elasticbeanstalk.com");
    expect((await env("shop-green")).CNAME).toBe("shop-blue.us-east-1.elasticbeanstalk.com");
    for (const name of ["shop-blue", "shop-green"]) {
      const msgs = (await eb.send(new DescribeEventsCommand({ EnvironmentName: name, MaxRecords: 2 }))).Events.map((x) => x.Message);
      expect(msgs[0]).toBe("Completed swapping CNAMEs for environments 'shop-blue' and 'shop-green'.");
    }

    await eb.send(new UpdateEnvironmentCommand({ EnvironmentName: "shop-blue", OptionSettings: [{ Namespace: "aws:autoscaling:asg", OptionName: "MinSize", Value: "2" }, { Namespace: "aws:elasticbeanstalk:application:environment", OptionName: "GREETING", Value: "hi" }] }));
    await ready("shop-blue");
    expect((await eb.send(new DescribeEnvironmentResourcesCommand({ EnvironmentName: "shop-blue" }))).EnvironmentResources.Instances).toHaveLength(2);
    const opts = (await eb.send(new DescribeConfigurationSettingsCommand({ ApplicationName: "shop", EnvironmentName: "shop-blue" }))).ConfigurationSettings[0].OptionSettings;
    expect(opts).toContainEqual({ Namespace: "aws:elasticbeanstalk:application:environment", OptionName: "GREETING", Value: "hi" });

    const before = (await eb.send(new DescribeEnvironmentResourcesCommand({ EnvironmentName: "shop-green" }))).EnvironmentResources.Instances.map((i) => i.Id);
    await eb.send(new RebuildEnvironmentCommand({ EnvironmentName: "shop-green" }));
    expect((await env("shop-green")).Status).toBe("Launching");
    await until(() => env("shop-green"), (e) => e.Status === "Ready" && e.HealthStatus === "Ok");
    const rebuilt = (await eb.send(new DescribeEnvironmentResourcesCommand({ EnvironmentName: "shop-green" }))).EnvironmentResources.Instances.map((i) => i.Id);
    expect(rebuilt).toHaveLength(1);
    expect(rebuilt).not.toEqual(before);
    await eb.send(new RestartAppServerCommand({ EnvironmentName: "shop-green" }));
    await ready("shop-green");
    expect((await eb.send(new DescribeEventsCommand({ EnvironmentName: "shop-green", MaxRecords: 1 }))).Events[0].Message).toBe("restartAppServer completed successfully.");
  });

  it("hands out tail logs and bundles through URLs the gateway serves", async () => {
    await eb.send(new CreateApplicationCommand({ ApplicationName: "shop" }));
    await version("shop", "v1", dockerrun("registry.example/shop:1.4", 3000));
    await eb.send(new CreateEnvironmentCommand({ ApplicationName: "shop", EnvironmentName: "shop-logs", SolutionStackName: STACK, VersionLabel: "v1", OptionSettings: [PROFILE] }));
    await ready("shop-logs");
    await eb.send(new RequestEnvironmentInfoCommand({ EnvironmentName: "shop-logs", InfoType: "tail" }));
    expect((await eb.send(new RetrieveEnvironmentInfoCommand({ EnvironmentName: "shop-logs", InfoType: "tail" }))).EnvironmentInfo).toEqual([]);
    const info = await until(() => eb.send(new RetrieveEnvironmentInfoCommand({ EnvironmentName: "shop-logs", InfoType: "tail" })).then((r) => r.EnvironmentInfo), (l) => l.length === 1);
    expect(info[0].Ec2InstanceId).toMatch(/^i-[0-9a-f]+$/);
    expect(info[0].Message.startsWith(`${sandbox.endpoint}/${bucket}/resources/environments/logs/tail/`)).toBe(true);
    const text = await (await fetch(info[0].Message)).text();
    expect(text).toContain("/var/log/eb-engine.log");
    expect(text).toContain("docker pull registry.example/shop:1.4");
    expect(text).toContain("listening on 0.0.0.0:3000");

    await eb.send(new RequestEnvironmentInfoCommand({ EnvironmentName: "shop-logs", InfoType: "bundle" }));
    const bundle = await until(() => eb.send(new RetrieveEnvironmentInfoCommand({ EnvironmentName: "shop-logs", InfoType: "bundle" })).then((r) => r.EnvironmentInfo), (l) => l.length === 1);
    const zip = Buffer.from(await (await fetch(bundle[0].Message)).arrayBuffer());
    expect(unzipRoot(zip, new Set(["var/log/eb-engine.log"])).get("var/log/eb-engine.log").toString()).toContain("Instance deployment completed successfully.");
    expect((await fetch(`${sandbox.endpoint}/${bucket}/resources/environments/logs/tail/e-x/i-x/nothing.out`)).status).toBe(404);
  });

  it("terminates (kept with IncludeDeleted), aborts updates, deletes applications by force", async () => {
    await eb.send(new CreateApplicationCommand({ ApplicationName: "shop" }));
    await version("shop", "v1", dockerrun("nginx:1.27"));
    await version("shop", "v2", dockerrun("nginx:1.28"));
    await eb.send(new CreateEnvironmentCommand({ ApplicationName: "shop", EnvironmentName: "shop-gone", CNAMEPrefix: "shop-gone", SolutionStackName: STACK, VersionLabel: "v1", OptionSettings: lb(2) }));
    await ready("shop-gone");
    await setBeanstalk(sandbox.endpoint, { paceMs: 2000 });
    await eb.send(new UpdateEnvironmentCommand({ EnvironmentName: "shop-gone", VersionLabel: "v2" }));
    await eb.send(new AbortEnvironmentUpdateCommand({ EnvironmentName: "shop-gone" }));
    await setBeanstalk(sandbox.endpoint, { paceMs: 150 });
    const aborted = await until(() => env("shop-gone"), (e) => e.Status === "Ready", 30_000);
    expect(aborted.VersionLabel).toBe("v1");

    const t = await eb.send(new TerminateEnvironmentCommand({ EnvironmentName: "shop-gone" }));
    expect(t.Status).toBe("Terminating");
    const gone = await until(() => eb.send(new DescribeEnvironmentsCommand({ ApplicationName: "shop", IncludeDeleted: true })).then((r) => r.Environments[0]), (e) => e.Status === "Terminated");
    expect(gone.EnvironmentName).toBe("shop-gone");
    expect((await eb.send(new DescribeEnvironmentsCommand({ ApplicationName: "shop", IncludeDeleted: false }))).Environments).toEqual([]);
    expect((await eb.send(new CheckDNSAvailabilityCommand({ CNAMEPrefix: "shop-gone" }))).Available).toBe(true);
    const msgs = (await eb.send(new DescribeEventsCommand({ EnvironmentName: "shop-gone", MaxRecords: 1 }))).Events.map((x) => x.Message);
    expect(msgs).toEqual(["terminateEnvironment completed successfully."]);

    await eb.send(new CreateEnvironmentCommand({ ApplicationName: "shop", EnvironmentName: "shop-left", SolutionStackName: STACK, VersionLabel: "v1", OptionSettings: [PROFILE] }));
    expect((await rejection(eb.send(new DeleteApplicationCommand({ ApplicationName: "shop" })))).name).toBe("OperationInProgressException");
    await eb.send(new DeleteApplicationCommand({ ApplicationName: "shop", TerminateEnvByForce: true }));
    expect((await eb.send(new DescribeApplicationsCommand({}))).Applications).toEqual([]);
    const state = await getBeanstalk(sandbox.endpoint);
    expect(state.environments.every((e) => e.status === "Terminating" || e.status === "Terminated")).toBe(true);
  });
});
