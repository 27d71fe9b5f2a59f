import { describe, expect, it } from "vitest";
import { buildKubeconfig, kubeconfigFileName, updateKubeconfigCommand } from "./kubeconfig";

const cluster = {
  name: "prod",
  arn: "arn:aws:eks:eu-west-1:123456789012:cluster/prod",
  region: "eu-west-1",
  endpoint: "https://ABC123.gr7.eu-west-1.eks.amazonaws.com",
  certificateAuthority: "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t",
};

describe("kubeconfig", () => {
  const lines = buildKubeconfig(cluster).split("\n");
  /** The lines under a top-level key, up to the next top-level key. */
  const section = (key: string) => {
    const start = lines.indexOf(`${key}:`);
    const end = lines.findIndex((l, i) => i > start && /^[a-z]/.test(l));
    return lines.slice(start + 1, end < 0 ? lines.length : end).filter(Boolean);
  };

  it("points at the cluster's endpoint with its CA data", () => {
    expect(lines.slice(0, 2)).toEqual(["apiVersion: v1", "kind: Config"]);
    expect(section("clusters")).toEqual([
      `- name: "${cluster.arn}"`,
      "  cluster:",
      `    server: "${cluster.endpoint}"`,
      `    certificate-authority-data: "${cluster.certificateAuthority}"`,
    ]);
    expect(lines).toContain(`current-context: "${cluster.arn}"`);
    expect(section("contexts")).toEqual([`- name: "${cluster.arn}"`, "  context:", `    cluster: "${cluster.arn}"`, `    user: "${cluster.arn}"`]);
  });

  it("gets its token from aws eks get-token for this cluster and region", () => {
    const user = section("users").join("\n");
    expect(user).toContain("    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n      command: aws\n");
    const args = section("users").filter((l) => l.startsWith("      - ")).map((l) => l.slice(8).replace(/^"|"$/g, ""));
    expect(args).toEqual(["--region", "eu-west-1", "eks", "get-token", "--cluster-name", "prod", "--output", "json"]);
  });

  it("quotes values so odd characters cannot break the YAML", () => {
    const odd = buildKubeconfig({ ...cluster, endpoint: 'https://x: "y"' });
    expect(odd).toContain('server: "https://x: \\"y\\""');
  });

  it("names the command and the file after the cluster", () => {
    expect(updateKubeconfigCommand("prod", "eu-west-1")).toBe("aws eks update-kubeconfig --region eu-west-1 --name prod");
    expect(kubeconfigFileName("prod")).toBe("kubeconfig-prod.yaml");
  });
});
