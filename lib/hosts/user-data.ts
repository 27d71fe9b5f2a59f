/**
 * The shell a host runs: user data at first boot (install Docker, run the container) and the
 * Replace container command sent through SSM Run Command. Pure, so what the review shows is what
 * the instance runs. Every value a person typed is single-quoted: inside '…' the shell expands
 * nothing, and a ' in the value is closed, escaped and reopened ('\''), so no value can end the
 * word it sits in.
 */
export type ContainerSpec = {
  /** Docker's --name: the host's name, kept to Docker's own pattern by the schema. */
  name: string;
  image: string;
  hostPort: number;
  containerPort: number;
  environment: { name: string; value: string }[];
  restartPolicy: "no" | "always" | "unless-stopped" | "on-failure";
  logGroup: string;
  region: string;
};

/** One shell word holding exactly `value`. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

const ECR_REGISTRY = /^(\d{12}\.dkr\.ecr\.([a-z]{2}(?:-[a-z]+)+-\d)\.amazonaws\.com(?:\.cn)?)\//;

/** The ECR registry and its region when the image is in private ECR (the host must log in first). */
export function ecrRegistryOf(image: string): { registry: string; region: string } | null {
  const m = ECR_REGISTRY.exec(image);
  return m ? { registry: m[1]!, region: m[2]! } : null;
}

/** The words after `docker`, unquoted: what Docker receives as its arguments. */
export function dockerRunArgs(spec: ContainerSpec): string[] {
  return [
    "run",
    "--detach",
    "--name",
    spec.name,
    "--restart",
    spec.restartPolicy,
    "--publish",
    `${spec.hostPort}:${spec.containerPort}`,
    "--log-driver",
    "awslogs",
    "--log-opt",
    `awslogs-region=${spec.region}`,
    "--log-opt",
    `awslogs-group=${spec.logGroup}`,
    ...spec.environment.flatMap((e) => ["--env", `${e.name}=${e.value}`]),
    spec.image,
  ];
}

/** `docker run …` as one shell line, every argument quoted. */
export function dockerRunLine(spec: ContainerSpec): string {
  return ["docker", ...dockerRunArgs(spec).map(shellQuote)].join(" ");
}

function pullLines(spec: ContainerSpec): string[] {
  const ecr = ecrRegistryOf(spec.image);
  return [
    // The instance profile holds AmazonEC2ContainerRegistryReadOnly; the AWS CLI is on AL2023.
    ...(ecr ? [`aws ecr get-login-password --region ${shellQuote(ecr.region)} | docker login --username AWS --password-stdin ${shellQuote(ecr.registry)}`] : []),
    `docker pull ${shellQuote(spec.image)}`,
  ];
}

/** Amazon Linux 2023 first boot: install and start Docker, then run the container. */
export function renderUserData(spec: ContainerSpec): string {
  return [
    "#!/bin/bash",
    `# Portside EC2 Docker host ${spec.name}: installs Docker and runs ${spec.image}`,
    "set -euo pipefail",
    "dnf install -y docker",
    "systemctl enable --now docker",
    ...pullLines(spec),
    dockerRunLine(spec),
    "",
  ].join("\n");
}

/** Replace container: pull the new image, remove the running container, run the new one. */
export function replaceContainerCommands(spec: ContainerSpec): string[] {
  return [
    "set -euo pipefail",
    ...pullLines(spec),
    `docker rm --force ${shellQuote(spec.name)} || true`,
    dockerRunLine(spec),
    `docker ps --filter ${shellQuote(`name=^${spec.name}$`)}`,
  ];
}

/** User data as EC2 wants it in RunInstances: base64 of the script. */
export const encodeUserData = (script: string) => Buffer.from(script, "utf8").toString("base64");
