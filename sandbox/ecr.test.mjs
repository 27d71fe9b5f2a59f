// The gateway's ECR scanning against a started sandbox, and its parsers under fuzz.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CreateRepositoryCommand, DescribeImageScanFindingsCommand, DescribeImagesCommand, ECRClient, StartImageScanCommand } from "@aws-sdk/client-ecr";
import { hostile, quick } from "../lib/core/testing/fuzz";
import { startSandbox } from "./start.mjs";
import { hasMoto, clientConfig, rejection } from "./test-support.mjs";
import { resetSandbox } from "./client.mjs";
import { derivedCounts, findingsFor, parseSeverityCounts } from "./ecr.mjs";
import { pushFakeImage } from "./ecr-images.mjs";

describe("severity counts", () => {
  it("reads the annotation and refuses anything else", () => {
    expect(parseSeverityCounts("CRITICAL:1,HIGH:2")).toEqual({ CRITICAL: 1, HIGH: 2 });
    expect(parseSeverityCounts("LOW:0")).toEqual({});
    for (const bad of ["CRITICAL", "SEVERE:1", "HIGH:-1", "HIGH:99", "x".repeat(300), undefined, 5]) expect(parseSeverityCounts(bad)).toBeNull();
  });

  it("stay bounded under fuzz", () => {
    fc.assert(fc.property(hostile, (text) => quick(() => {
      const counts = parseSeverityCounts(text);
      if (counts) for (const n of Object.values(counts)) expect(n).toBeLessThanOrEqual(50);
    })), { numRuns: 1_500 });
  });

  it("give the same findings for the same digest, none CRITICAL unless asked for", () => {
    const digest = `sha256:${"ab".repeat(32)}`;
    expect(findingsFor(digest, { HIGH: 2 })).toEqual(findingsFor(digest, { HIGH: 2 }));
    expect(findingsFor(digest, { CRITICAL: 1, LOW: 1 }).map((f) => f.severity)).toEqual(["CRITICAL", "LOW"]);
    expect(derivedCounts(digest)).not.toHaveProperty("CRITICAL");
  });
});

describe.runIf(hasMoto)("ECR scanning in the gateway", () => {
  let sandbox;
  let ecr;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, log: false, env: { MOTO_IAM_LOAD_MANAGED_POLICIES: "false" } });
    ecr = new ECRClient(clientConfig(sandbox.endpoint));
  }, 60_000);
  afterAll(async () => sandbox?.stop());

  it("scans on push: DescribeImages shows the counts, DescribeImageScanFindings the findings, paged", async () => {
    await ecr.send(new CreateRepositoryCommand({ repositoryName: "scanned", imageScanningConfiguration: { scanOnPush: true } }));
    await pushFakeImage(sandbox.endpoint, { repositoryName: "scanned", tag: "bad", findings: { CRITICAL: 2, HIGH: 1 } });
    const [image] = (await ecr.send(new DescribeImagesCommand({ repositoryName: "scanned" }))).imageDetails;
    expect(image.imageScanStatus).toEqual({ status: "COMPLETE", description: "The scan was completed successfully." });
    expect(image.imageScanFindingsSummary.findingSeverityCounts).toEqual({ CRITICAL: 2, HIGH: 1 });
    expect(image.imageScanFindingsSummary.imageScanCompletedAt).toBeInstanceOf(Date);

    const first = await ecr.send(new DescribeImageScanFindingsCommand({ repositoryName: "scanned", imageId: { imageTag: "bad" }, maxResults: 2 }));
    expect(first.imageScanFindings.findings.map((f) => f.severity)).toEqual(["CRITICAL", "CRITICAL"]);
    expect(first.imageScanFindings.findings[0].name).toMatch(/^CVE-\d{4}-\d+$/);
    const second = await ecr.send(new DescribeImageScanFindingsCommand({ repositoryName: "scanned", imageId: { imageTag: "bad" }, maxResults: 2, nextToken: first.nextToken }));
    expect(second.imageScanFindings.findings.map((f) => f.severity)).toEqual(["HIGH"]);
    expect(second.nextToken).toBeUndefined();
  });

  it("scans only when asked in a repository without scan on push; unknown images and scans fail as on AWS", async () => {
    await ecr.send(new CreateRepositoryCommand({ repositoryName: "manual" }));
    await pushFakeImage(sandbox.endpoint, { repositoryName: "manual", tag: "v1" });
    expect((await ecr.send(new DescribeImagesCommand({ repositoryName: "manual" }))).imageDetails[0].imageScanStatus).toBeUndefined();
    expect((await rejection(ecr.send(new DescribeImageScanFindingsCommand({ repositoryName: "manual", imageId: { imageTag: "v1" } })))).name).toBe("ScanNotFoundException");
    const started = await ecr.send(new StartImageScanCommand({ repositoryName: "manual", imageId: { imageTag: "v1" } }));
    expect(started.imageScanStatus.status).toBe("IN_PROGRESS");
    expect((await ecr.send(new DescribeImagesCommand({ repositoryName: "manual" }))).imageDetails[0].imageScanStatus.status).toBe("COMPLETE");
    expect((await rejection(ecr.send(new StartImageScanCommand({ repositoryName: "manual", imageId: { imageTag: "nope" } })))).name).toBe("ImageNotFoundException");
  });

  it("forgets scans on reset", async () => {
    await resetSandbox(sandbox.endpoint);
    await ecr.send(new CreateRepositoryCommand({ repositoryName: "scanned" }));
    await pushFakeImage(sandbox.endpoint, { repositoryName: "scanned", tag: "bad" });
    expect((await ecr.send(new DescribeImagesCommand({ repositoryName: "scanned" }))).imageDetails[0].imageScanStatus).toBeUndefined();
  });
});
