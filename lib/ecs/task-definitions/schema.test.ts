import { describe, expect, it } from "vitest";
import { container, form } from "@/lib/ecs/task-definitions/test-forms";
import { createTaskDefinitionSchema, networkModesFor } from "./schema";

function errors(values: Record<string, unknown>): Record<string, string> {
  const parsed = createTaskDefinitionSchema.safeParse(values);
  if (parsed.success) return {};
  const out: Record<string, string> = {};
  for (const i of parsed.error.issues) out[i.path.join(".")] ??= i.message;
  return out;
}

describe("createTaskDefinitionSchema", () => {
  it("accepts the console defaults and turns form strings into values", () => {
    const parsed = createTaskDefinitionSchema.parse(form());
    expect(parsed.containers[0]).toMatchObject({ essential: true, cpu: undefined, portMappings: [{ containerPort: 80 }], logs: { enabled: true }, healthCheck: { enabled: false, interval: 30 } });
  });

  it("takes a stop timeout of 2 to 120 seconds, or none (ECS's 30)", () => {
    expect(createTaskDefinitionSchema.parse(form({ containers: [container({ stopTimeout: "30" })] })).containers[0]!.stopTimeout).toBe(30);
    expect(createTaskDefinitionSchema.parse(form()).containers[0]!.stopTimeout).toBeUndefined();
    for (const bad of ["1", "121", "-3"]) expect(errors(form({ containers: [container({ stopTimeout: bad })] }))["containers.0.stopTimeout"], bad).toMatch(/stop timeout is 2 to 120/i);
    expect(errors(form({ containers: [container({ stopTimeout: "2.5" })] }))["containers.0.stopTimeout"]).toBe("Enter a whole number.");
    expect(errors(form({ containers: [container({ stopTimeout: "120" })] }))).toEqual({});
  });

  it("refuses an invalid family", () => {
    expect(errors(form({ family: "has space" })).family).toMatch(/letters, digits, hyphens/);
    expect(errors(form({ family: "" })).family).toBe("Enter a family name.");
    expect(errors(form({ family: "x".repeat(256) })).family).toBe("Family names are at most 255 characters.");
  });

  it("refuses a CPU/memory pair Fargate does not offer", () => {
    expect(errors(form({ cpu: "256", memory: "4096" })).memory).toBe("4 GB is not offered with 0.25 vCPU on Fargate.");
    expect(errors(form({ cpu: "300" })).cpu).toMatch(/not a Fargate task size/);
    expect(errors(form({ osFamily: "WINDOWS_SERVER_2022_CORE", cpu: "512", memory: "1024" })).cpu).toMatch(/for Windows/);
    expect(errors(form({ cpu: "16384", memory: "122880" }))).toEqual({});
  });

  it("lets EC2 tasks leave the size empty when each container has a memory limit", () => {
    const ec2 = { launchType: "EC2", networkMode: "bridge", cpu: "", memory: "" };
    expect(errors(form(ec2))["containers.0.memory"]).toMatch(/needs a hard or soft memory limit/);
    expect(errors(form({ ...ec2, containers: [container({ memoryReservation: "256" })] }))).toEqual({});
  });

  it("forces awsvpc on Fargate and keeps Windows on X86_64", () => {
    expect(errors(form({ networkMode: "bridge" })).networkMode).toBe("Fargate tasks use the awsvpc network mode.");
    expect(errors(form({ osFamily: "WINDOWS_SERVER_2022_FULL", cpuArchitecture: "ARM64" })).cpuArchitecture).toBe("Windows containers run on X86_64 only.");
    expect(networkModesFor("EC2", "WINDOWS_SERVER_2019_FULL")).toEqual(["awsvpc", "default"]);
  });

  it("refuses ports out of range and duplicate ports or names", () => {
    const port = (containerPort: string, name = "") => ({ containerPort, protocol: "tcp", name, appProtocol: "" });
    expect(errors(form({ containers: [container({ portMappings: [port("0")] })] }))["containers.0.portMappings.0.containerPort"]).toBe("The container port is 1 to 65535.");
    expect(errors(form({ containers: [container({ portMappings: [port("65536")] })] }))["containers.0.portMappings.0.containerPort"]).toBe("The container port is 1 to 65535.");
    expect(errors(form({ containers: [container({ portMappings: [port("80"), port("80")] })] }))["containers.0.portMappings.1.containerPort"]).toBe("Port 80/tcp is mapped twice.");
    expect(errors(form({ containers: [container({ portMappings: [{ ...port("53", "dns"), protocol: "udp", appProtocol: "http" }] })] }))["containers.0.portMappings.0.appProtocol"]).toBe("An app protocol needs the tcp protocol.");
  });

  it("refuses a malformed image URI", () => {
    for (const image of ["nginx latest", "ghcr.io/o/app:1", "UPPER/case", "123.dkr.ecr.us-east-1.amazonaws.com/x"]) {
      expect(errors(form({ containers: [container({ image })] }))["containers.0.image"], image).toMatch(/^Use an ECR image/);
    }
  });

  it("takes secrets only as Secrets Manager or SSM parameter ARNs", () => {
    const secret = (valueFrom: string) => form({ containers: [container({ secrets: [{ name: "DB_PASSWORD", valueFrom }] })] });
    expect(errors(secret("hunter2"))["containers.0.secrets.0.valueFrom"]).toMatch(/not the secret's value/);
    expect(errors(secret("arn:aws:s3:::bucket/key"))["containers.0.secrets.0.valueFrom"]).toMatch(/not the secret's value/);
    expect(errors(secret("arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf"))).toEqual({});
    expect(errors(secret("arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf:password::"))).toEqual({});
    expect(errors(secret("arn:aws:ssm:us-east-1:123456789012:parameter/prod/db/password"))).toEqual({});
  });

  it("refuses reservations that do not fit the task size", () => {
    const two = [container({ memoryReservation: "2048", cpu: "512" }), container({ name: "side", portMappings: [], memoryReservation: "2048", cpu: "256" })];
    const e = errors(form({ containers: two }));
    expect(e["containers.0.memoryReservation"]).toBe("The containers reserve 4096 MiB, more than the task's 3072 MiB.");
    const cpu = errors(form({ containers: [container({ cpu: "2048" })] }));
    expect(cpu["containers.0.cpu"]).toBe("The containers reserve 2048 CPU units, more than the task's 1024.");
    expect(errors(form({ containers: [container({ memory: "4096" })] }))["containers.0.memory"]).toBe("The hard limit (4096 MiB) is above the task memory (3072 MiB).");
    expect(errors(form({ containers: [container({ memory: "512", memoryReservation: "1024" })] }))["containers.0.memoryReservation"]).toBe("The soft limit cannot be above the hard limit.");
  });

  it("checks health check ranges, essential containers, names and roles", () => {
    const hc = (over: Record<string, string>) => form({ containers: [container({ healthCheck: { enabled: "true", type: "CMD-SHELL", command: "curl -f http://localhost/", interval: "30", timeout: "5", retries: "3", startPeriod: "0", ...over } })] });
    expect(errors(hc({ interval: "4" }))["containers.0.healthCheck.interval"]).toBe("The interval is 5 to 300.");
    expect(errors(hc({ timeout: "121" }))["containers.0.healthCheck.timeout"]).toBe("The timeout is 2 to 120.");
    expect(errors(hc({ retries: "11" }))["containers.0.healthCheck.retries"]).toBe("Retries is 1 to 10.");
    expect(errors(hc({ startPeriod: "301" }))["containers.0.healthCheck.startPeriod"]).toBe("The start period is 0 to 300.");
    expect(errors(hc({ command: "" }))["containers.0.healthCheck.command"]).toBe("Enter the command that checks the container.");
    expect(errors(form({ containers: [container({ essential: "false" })] }))["containers.0.essential"]).toBe("At least one container must be essential.");
    expect(errors(form({ containers: [container(), container({ portMappings: [] })] }))["containers.1.name"]).toBe("Another container is already named web.");
    expect(errors(form({ executionRoleMode: "none" })).executionRoleMode).toBe("A task execution role is needed for awslogs log collection.");
    expect(errors(form({ taskRoleMode: "existing", taskRoleArn: "nope" })).taskRoleArn).toMatch(/IAM role ARN/);
  });
});
