import { describe, expect, it } from "vitest";
import { parseBundle } from "./parse";
import { renderBundle, renderCompose, renderDockerrun } from "./render";

describe("bundle rendering", () => {
  it("writes Dockerrun.aws.json v1 with the image and container port", () => {
    expect(JSON.parse(renderDockerrun("nginx:1.27", 8080))).toEqual({ AWSEBDockerrunVersion: "1", Image: { Name: "nginx:1.27", Update: "true" }, Ports: [{ ContainerPort: 8080 }] });
  });
  it("writes a compose file that reads the environment properties from .env, never their values", () => {
    const yml = renderCompose("public.ecr.aws/nginx/nginx:1", 3000);
    expect(yml).toContain('image: "public.ecr.aws/nginx/nginx:1"');
    expect(yml).toContain('- "80:3000"');
    expect(yml).toContain("env_file:\n      - .env");
  });
  it("renders what its own parser accepts", () => {
    for (const format of ["dockerrun", "compose"] as const) {
      const out = renderBundle({ format, image: "nginx:1.27", containerPort: 80 });
      const parsed = parseBundle(out.body);
      expect(parsed.ok && parsed.format).toBe(format);
    }
  });
});
