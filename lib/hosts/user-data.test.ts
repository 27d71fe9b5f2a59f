import { describe, expect, it } from "vitest";
import { dockerRunLine, ecrRegistryOf, renderUserData, replaceContainerCommands, shellQuote, type ContainerSpec } from "./user-data";

const spec: ContainerSpec = {
  name: "web",
  image: "nginx:1.27",
  hostPort: 80,
  containerPort: 8080,
  environment: [{ name: "GREETING", value: "it's $HOME" }],
  restartPolicy: "unless-stopped",
  logGroup: "/portside/hosts/web",
  region: "us-east-1",
};

describe("user data", () => {
  it("quotes a value with a quote in it as one word", () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote("")).toBe("''");
  });

  it("installs Docker and runs the container with its port, env, restart policy and awslogs", () => {
    const script = renderUserData(spec);
    expect(script.startsWith("#!/bin/bash\n")).toBe(true);
    expect(script).toContain("dnf install -y docker\nsystemctl enable --now docker\n");
    expect(script).toContain(
      "docker 'run' '--detach' '--name' 'web' '--restart' 'unless-stopped' '--publish' '80:8080' '--log-driver' 'awslogs' '--log-opt' 'awslogs-region=us-east-1' '--log-opt' 'awslogs-group=/portside/hosts/web' '--env' 'GREETING=it'\\''s $HOME' 'nginx:1.27'",
    );
    expect(script).not.toContain("docker login");
  });

  it("logs in to ECR first for a private ECR image", () => {
    const image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:v2";
    expect(ecrRegistryOf(image)).toEqual({ registry: "123456789012.dkr.ecr.eu-west-1.amazonaws.com", region: "eu-west-1" });
    expect(renderUserData({ ...spec, image })).toContain(
      "aws ecr get-login-password --region 'eu-west-1' | docker login --username AWS --password-stdin '123456789012.dkr.ecr.eu-west-1.amazonaws.com'",
    );
  });

  it("replaces the container: pull, remove, run the same line", () => {
    const commands = replaceContainerCommands({ ...spec, image: "nginx:1.28" });
    expect(commands[1]).toBe("docker pull 'nginx:1.28'");
    expect(commands[2]).toBe("docker rm --force 'web' || true");
    expect(commands[3]).toBe(dockerRunLine({ ...spec, image: "nginx:1.28" }));
  });
});
