/**
 * The bundle Portside writes for an image: what the Docker platform on Amazon Linux 2023 reads.
 * Environment variables are not written into it: they are environment properties (option
 * settings); the platform writes them to a `.env` file beside docker-compose.yml, which the
 * service reads with `env_file`, so properties changed later reach the container too.
 */
export type BundleFormat = "dockerrun" | "compose";

export const BUNDLE_FILE: Record<BundleFormat, string> = { dockerrun: "Dockerrun.aws.json", compose: "docker-compose.yml" };

export type ImageBundle = { format: BundleFormat; image: string; containerPort: number };

/** Dockerrun.aws.json v1: one container; the platform's nginx proxies port 80 to ContainerPort. */
export function renderDockerrun(image: string, containerPort: number): string {
  return JSON.stringify({ AWSEBDockerrunVersion: "1", Image: { Name: image, Update: "true" }, Ports: [{ ContainerPort: containerPort }] }, null, 2) + "\n";
}

/** docker-compose.yml with one service publishing the container port on the instance's port 80. */
export function renderCompose(image: string, containerPort: number): string {
  return ["services:", "  app:", `    image: ${JSON.stringify(image)}`, "    ports:", `      - "80:${containerPort}"`, "    env_file:", "      - .env", "    restart: unless-stopped", ""].join("\n");
}

export function renderBundle(b: ImageBundle): { fileName: string; body: string; contentType: string } {
  return b.format === "dockerrun"
    ? { fileName: BUNDLE_FILE.dockerrun, body: renderDockerrun(b.image, b.containerPort), contentType: "application/json" }
    : { fileName: BUNDLE_FILE.compose, body: renderCompose(b.image, b.containerPort), contentType: "application/yaml" };
}
