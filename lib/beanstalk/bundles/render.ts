/**
 * The bundle Portside writes for an image: what the Docker platform on Amazon Linux 2023 reads.
 * Environment variables are not written into it: they are environment properties (option
 * settings), which the platform hands to the container (`${NAME}` in docker-compose.yml reads the
 * `.env` file Elastic Beanstalk writes beside it).
 */
export type BundleFormat = "dockerrun" | "compose";

export const BUNDLE_FILE: Record<BundleFormat, string> = { dockerrun: "Dockerrun.aws.json", compose: "docker-compose.yml" };

export type ImageBundle = { format: BundleFormat; image: string; containerPort: number; envNames: string[] };

/** Dockerrun.aws.json v1: one container; the platform's nginx proxies port 80 to ContainerPort. */
export function renderDockerrun(image: string, containerPort: number): string {
  return JSON.stringify({ AWSEBDockerrunVersion: "1", Image: { Name: image, Update: "true" }, Ports: [{ ContainerPort: containerPort }] }, null, 2) + "\n";
}

/** docker-compose.yml with one service publishing the container port on the instance's port 80. */
export function renderCompose(image: string, containerPort: number, envNames: string[]): string {
  const lines = ["services:", "  app:", `    image: ${JSON.stringify(image)}`, "    ports:", `      - "80:${containerPort}"`];
  if (envNames.length) {
    lines.push("    environment:");
    for (const name of envNames) lines.push(`      ${name}: "\${${name}}"`);
  }
  lines.push("    restart: unless-stopped");
  return lines.join("\n") + "\n";
}

export function renderBundle(b: ImageBundle): { fileName: string; body: string; contentType: string } {
  return b.format === "dockerrun"
    ? { fileName: BUNDLE_FILE.dockerrun, body: renderDockerrun(b.image, b.containerPort), contentType: "application/json" }
    : { fileName: BUNDLE_FILE.compose, body: renderCompose(b.image, b.containerPort, b.envNames), contentType: "application/yaml" };
}
