// EC2 Docker hosts: console output from user data, Run Command output, container logs and CPU.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EC2Client, GetConsoleOutputCommand, RunInstancesCommand } from "@aws-sdk/client-ec2";
import { CloudWatchLogsClient, CreateLogGroupCommand, FilterLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { GetCommandInvocationCommand, SendCommandCommand, SSMClient } from "@aws-sdk/client-ssm";
import { startSandbox } from "./start.mjs";
import { hasMoto, clientConfig } from "./test-support.mjs";
import { consoleFor, dockerRun, outputOf, scriptLines, shellWords } from "./ec2-hosts.mjs";

const RUN = "docker 'run' '--detach' '--name' 'web' '--restart' 'always' '--publish' '80:8080' '--log-driver' 'awslogs' '--log-opt' 'awslogs-region=us-east-1' '--log-opt' 'awslogs-group=/portside/hosts/web' '--env' 'A=it'\\''s\nfine' 'nginx:1.27'";
const SCRIPT = `#!/bin/bash\nset -euo pipefail\ndnf install -y docker\nsystemctl enable --now docker\ndocker pull 'nginx:1.27'\n${RUN}\n`;

describe("what a host prints", () => {
  it("reads Portside's docker run line, quotes and newlines included", () => {
    expect(scriptLines(SCRIPT)).toHaveLength(6);
    expect(shellWords("a 'b c' 'it'\\''s'")).toEqual(["a", "b c", "it's"]);
    expect(dockerRun(shellWords(scriptLines(SCRIPT)[5]))).toEqual({ name: "web", image: "nginx:1.27", publish: "80:8080", logGroup: "/portside/hosts/web" });
  });

  it("boots through cloud-init, running each line of the user data", () => {
    const text = consoleFor("i-1", SCRIPT, new Date(0));
    expect(text).toContain("cloud-init[1851]: + dnf install -y docker");
    expect(text).toContain("cloud-init[1851]: + docker 'run'");
    expect(text).toContain("Status: Downloaded newer image for nginx:1.27");
    expect(text).toMatch(/Cloud-init v\. 22\.2\.2 finished/);
  });

  it("prints what docker rm, ps and login print", () => {
    expect(outputOf("docker rm --force 'web' || true", "s")).toEqual(["web"]);
    expect(outputOf("docker ps --filter 'name=^web$'", "s")[1]).toMatch(/Up 1 second +web$/);
    expect(outputOf("aws ecr get-login-password --region 'us-east-1' | docker login --username AWS --password-stdin 'x'", "s")).toEqual(["Login Succeeded"]);
  });
});

describe.skipIf(!hasMoto)("the gateway's EC2 hosts", () => {
  let sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, log: false });
  }, 60_000);
  afterAll(async () => sandbox?.stop());

  it("answers console output, command output and container logs of a launched host", async () => {
    const cfg = clientConfig(sandbox.endpoint);
    const ec2 = new EC2Client(cfg);
    const logs = new CloudWatchLogsClient(cfg);
    const ssm = new SSMClient(cfg);
    await logs.send(new CreateLogGroupCommand({ logGroupName: "/portside/hosts/web" }));
    const run = await ec2.send(new RunInstancesCommand({ ImageId: "ami-12c6146b", MinCount: 1, MaxCount: 1, UserData: Buffer.from(SCRIPT).toString("base64") }));
    const id = run.Instances[0].InstanceId;

    const out = await ec2.send(new GetConsoleOutputCommand({ InstanceId: id }));
    expect(Buffer.from(out.Output, "base64").toString()).toContain("+ docker pull 'nginx:1.27'");

    const started = await logs.send(new FilterLogEventsCommand({ logGroupName: "/portside/hosts/web" }));
    expect(started.events.map((e) => e.message)).toContain(`container web started on ${id} from nginx:1.27`);

    const sent = await ssm.send(new SendCommandCommand({ InstanceIds: [id], DocumentName: "AWS-RunShellScript", Parameters: { commands: ["docker pull 'nginx:1.28'", RUN.replace("nginx:1.27", "nginx:1.28")] } }));
    expect(sent.Command.TargetCount).toBe(1);
    const inv = await ssm.send(new GetCommandInvocationCommand({ CommandId: sent.Command.CommandId, InstanceId: id }));
    expect(inv.Status).toBe("Success");
    expect(inv.StandardOutputContent).toContain("Status: Downloaded newer image for nginx:1.28");
    const replaced = await logs.send(new FilterLogEventsCommand({ logGroupName: "/portside/hosts/web" }));
    expect(replaced.events.map((e) => e.message)).toContain(`container web replaced on ${id} from nginx:1.28`);
  }, 60_000);
});
