// Amazon EKS through the sandbox gateway: paced lifecycle over moto, add-ons, updates, versions.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  CreateAddonCommand,
  CreateClusterCommand,
  CreateFargateProfileCommand,
  CreateNodegroupCommand,
  DeleteAddonCommand,
  DeleteClusterCommand,
  DeleteFargateProfileCommand,
  DeleteNodegroupCommand,
  DescribeAddonCommand,
  DescribeAddonConfigurationCommand,
  DescribeAddonVersionsCommand,
  DescribeClusterCommand,
  DescribeClusterVersionsCommand,
  DescribeFargateProfileCommand,
  DescribeNodegroupCommand,
  DescribeUpdateCommand,
  EKSClient,
  ListAddonsCommand,
  ListClustersCommand,
  ListFargateProfilesCommand,
  ListNodegroupsCommand,
  ListTagsForResourceCommand,
  ListUpdatesCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateAddonCommand,
  UpdateClusterConfigCommand,
  UpdateClusterVersionCommand,
  UpdateNodegroupConfigCommand,
  UpdateNodegroupVersionCommand,
} from "@aws-sdk/client-eks";
import { CreateRoleCommand, IAMClient } from "@aws-sdk/client-iam";
import {
  AssociateRouteTableCommand,
  CreateRouteTableCommand,
  DescribeSubnetsCommand,
  EC2Client,
} from "@aws-sdk/client-ec2";
import { startSandbox } from "./start.mjs";
import { hasMoto, clientConfig, rejection } from "./test-support.mjs";
import { getEks, injectFault, resetSandbox, sandboxCalls, setEks } from "./client.mjs";
import { EKS_ADDONS } from "./eks.mjs";

const PACE = 1500; // long enough that "still CREATING" holds on a busy machine
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!hasMoto)("EKS in the sandbox gateway", { timeout: 30_000 }, () => {
  let sandbox;
  let eks;
  let iam;
  let ec2;
  let roleArn;
  let subnets;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, log: false, env: { MOTO_IAM_LOAD_MANAGED_POLICIES: "false" } });
    eks = new EKSClient(clientConfig(sandbox.endpoint));
    iam = new IAMClient(clientConfig(sandbox.endpoint));
    ec2 = new EC2Client(clientConfig(sandbox.endpoint));
  }, 60_000);

  afterAll(async () => {
    eks?.destroy();
    iam?.destroy();
    ec2?.destroy();
    await sandbox?.stop();
  });

  beforeEach(async () => {
    await resetSandbox(sandbox.endpoint);
    await setEks(sandbox.endpoint, { paceMs: PACE });
    const role = await iam.send(
      new CreateRoleCommand({
        RoleName: "eksClusterRole",
        AssumeRolePolicyDocument: JSON.stringify({
          Version: "2012-10-17",
          Statement: [{ Effect: "Allow", Principal: { Service: "eks.amazonaws.com" }, Action: "sts:AssumeRole" }],
        }),
      }),
    );
    roleArn = role.Role.Arn;
    const sn = await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: "default-for-az", Values: ["true"] }] }));
    subnets = sn.Subnets.map((s) => s.SubnetId);
  });

  const createCluster = (name = "demo", extra = {}) =>
    eks.send(
      new CreateClusterCommand({
        name,
        roleArn,
        resourcesVpcConfig: { subnetIds: subnets.slice(0, 2), endpointPublicAccess: true, endpointPrivateAccess: false },
        ...extra,
      }),
    );
  const describe_ = async (name = "demo") => (await eks.send(new DescribeClusterCommand({ name }))).cluster;
  const activeCluster = async (name = "demo", extra = {}) => {
    await createCluster(name, extra);
    await sleep(PACE + 50);
    expect((await describe_(name)).status).toBe("ACTIVE");
  };

  it("control switch: GET/POST /_sandbox/eks, validated, reset restores the default", async () => {
    expect(await getEks(sandbox.endpoint)).toEqual({ paceMs: PACE, addons: [] });
    await expect(setEks(sandbox.endpoint, { paceMs: -1 })).rejects.toThrow(/paceMs/);
    await resetSandbox(sandbox.endpoint);
    expect((await getEks(sandbox.endpoint)).paceMs).toBe(3000);
  });

  it("cluster: IAM role + default-VPC subnets, CREATING → ACTIVE, delete → DELETING → gone", async () => {
    expect(subnets.length).toBeGreaterThanOrEqual(2);
    const created = (await createCluster("demo", { version: "1.34", tags: { team: "a" } })).cluster;
    expect(created.status).toBe("CREATING");
    expect(created.version).toBe("1.34");
    expect(created.roleArn).toBe(roleArn);
    expect(created.resourcesVpcConfig.subnetIds).toEqual(subnets.slice(0, 2));
    expect(created.resourcesVpcConfig.vpcId).toMatch(/^vpc-/);
    expect(created.createdAt).toBeInstanceOf(Date);
    expect((await describe_()).status).toBe("CREATING");
    await sleep(PACE + 50);
    const active = await describe_();
    expect(active.status).toBe("ACTIVE");
    expect(active.endpoint).toMatch(/^https:\/\//);
    expect(active.identity.oidc.issuer).toMatch(/^https:\/\/oidc\.eks\./);
    expect(active.platformVersion).toMatch(/^eks\.\d+$/);
    expect(active.accessConfig).toEqual({ authenticationMode: "API_AND_CONFIG_MAP" });
    expect(Buffer.from(active.certificateAuthority.data, "base64").toString()).toMatch(/^-----BEGIN CERTIFICATE-----\n[\s\S]+-----END CERTIFICATE-----\n$/);
    expect(active.logging.clusterLogging).toEqual([
      { types: ["api", "audit", "authenticator", "controllerManager", "scheduler"], enabled: false },
    ]);
    expect(active.tags).toEqual({ team: "a" });
    expect(active.resourcesVpcConfig).toMatchObject({ endpointPublicAccess: true, endpointPrivateAccess: false, publicAccessCidrs: ["0.0.0.0/0"] });
    expect(active.resourcesVpcConfig.clusterSecurityGroupId).toMatch(/^sg-/);

    const deleted = (await eks.send(new DeleteClusterCommand({ name: "demo" }))).cluster;
    expect(deleted.status).toBe("DELETING");
    expect((await describe_()).status).toBe("DELETING");
    expect((await eks.send(new ListClustersCommand({}))).clusters).toEqual(["demo"]);
    // The name is still taken while DELETING.
    expect((await rejection(createCluster("demo"))).name).toBe("ResourceInUseException");
    await sleep(PACE + 50);
    const gone = await rejection(describe_());
    expect(gone.name).toBe("ResourceNotFoundException");
    expect(gone.$metadata.httpStatusCode).toBe(404);
    expect((await eks.send(new ListClustersCommand({}))).clusters).toEqual([]);
  });

  it("cluster: default version is the newest; unsupported versions and one subnet are refused", async () => {
    const c = (await createCluster("dflt", { version: undefined })).cluster;
    expect(c.version).toBe("1.35");
    expect(c.kubernetesNetworkConfig).toMatchObject({ ipFamily: "ipv4" });
    for (const version of ["1.31", "1.32", "1.33"]) {
      expect((await createCluster(`v${version.replace(".", "")}`, { version })).cluster.version).toBe(version);
    }
    // Each cluster has its own endpoint and OIDC issuer, sharing one id as on AWS.
    const [a, b] = [await describe_("dflt"), await describe_("v131")];
    expect(a.endpoint).not.toBe(b.endpoint);
    expect(a.endpoint).toMatch(/^https:\/\/[0-9A-F]{32}\.gr7\.us-east-1\.eks\.amazonaws\.com$/);
    expect(a.identity.oidc.issuer).toBe(`https://oidc.eks.us-east-1.amazonaws.com/id/${a.endpoint.slice(8, 40)}`);
    const bad = await rejection(createCluster("old", { version: "1.19" }));
    expect(bad.name).toBe("InvalidParameterException");
    const one = await rejection(
      eks.send(new CreateClusterCommand({ name: "one", roleArn, resourcesVpcConfig: { subnetIds: [subnets[0]] } })),
    );
    expect(one.name).toBe("InvalidParameterException");
  });

  it("DescribeClusterVersions: 1.31–1.35, newest default, support status from the dates, filters", async () => {
    const all = (await eks.send(new DescribeClusterVersionsCommand({}))).clusterVersions;
    expect(all.map((v) => v.clusterVersion)).toEqual(["1.35", "1.34", "1.33", "1.32", "1.31"]);
    expect(all.filter((v) => v.defaultVersion).map((v) => v.clusterVersion)).toEqual(["1.35"]);
    const now = Date.now();
    for (const v of all) {
      const expected = now < v.endOfStandardSupportDate.getTime() ? "STANDARD_SUPPORT" : now < v.endOfExtendedSupportDate.getTime() ? "EXTENDED_SUPPORT" : "UNSUPPORTED";
      expect(v.versionStatus).toBe(expected);
    }
    expect(all[0].releaseDate).toBeInstanceOf(Date);
    expect(all[0].versionStatus).toMatch(/SUPPORT$/);
    const dflt = (await eks.send(new DescribeClusterVersionsCommand({ defaultOnly: true }))).clusterVersions;
    expect(dflt.map((v) => v.clusterVersion)).toEqual(["1.35"]);
    const some = (await eks.send(new DescribeClusterVersionsCommand({ clusterVersions: ["1.32", "1.33"] }))).clusterVersions;
    expect(some.map((v) => v.clusterVersion)).toEqual(["1.33", "1.32"]);
  });

  it("node group: refused while the cluster is CREATING; CREATING → ACTIVE; scaling update; delete", async () => {
    await createCluster();
    const early = await rejection(
      eks.send(new CreateNodegroupCommand({ clusterName: "demo", nodegroupName: "ng", nodeRole: roleArn, subnets })),
    );
    expect(early.name).toBe("InvalidRequestException");
    await sleep(PACE + 50);

    const bad = await rejection(
      eks.send(
        new CreateNodegroupCommand({
          clusterName: "demo",
          nodegroupName: "ng",
          nodeRole: roleArn,
          subnets,
          scalingConfig: { minSize: 3, maxSize: 2, desiredSize: 2 },
        }),
      ),
    );
    expect(bad.name).toBe("InvalidParameterException");

    const ng = (
      await eks.send(
        new CreateNodegroupCommand({
          clusterName: "demo",
          nodegroupName: "ng",
          nodeRole: roleArn,
          subnets,
          instanceTypes: ["t3.medium"],
          capacityType: "SPOT",
          scalingConfig: { minSize: 1, maxSize: 3, desiredSize: 2 },
          updateConfig: { maxUnavailablePercentage: 33 },
          labels: { tier: "web" },
          taints: [{ key: "dedicated", value: "web", effect: "NO_SCHEDULE" }],
        }),
      )
    ).nodegroup;
    expect(ng.status).toBe("CREATING");
    expect(ng.version).toBe("1.35");
    expect(ng.releaseVersion).toMatch(/^1\.35\./);
    expect(ng.health).toEqual({ issues: [] });
    expect(ng.resources.autoScalingGroups[0].name).toMatch(/^eks-/);
    expect(ng.updateConfig).toEqual({ maxUnavailablePercentage: 33 });
    const dn = () => eks.send(new DescribeNodegroupCommand({ clusterName: "demo", nodegroupName: "ng" })).then((r) => r.nodegroup);
    expect((await dn()).status).toBe("CREATING");
    const busy = await rejection(
      eks.send(new UpdateNodegroupConfigCommand({ clusterName: "demo", nodegroupName: "ng", scalingConfig: { desiredSize: 3 } })),
    );
    expect(busy.name).toBe("ResourceInUseException");
    await sleep(PACE + 50);
    const active = await dn();
    expect(active.status).toBe("ACTIVE");
    expect(active.scalingConfig).toEqual({ minSize: 1, maxSize: 3, desiredSize: 2 });
    expect(active.labels).toEqual({ tier: "web" });
    expect(active.taints).toEqual([{ key: "dedicated", value: "web", effect: "NO_SCHEDULE" }]);
    expect(active.capacityType).toBe("SPOT");
    expect(active.instanceTypes).toEqual(["t3.medium"]);
    expect(active.diskSize).toBe(20);
    expect(active.remoteAccess).toBeUndefined();
    expect(active.amiType).toBe("AL2023_x86_64_STANDARD");

    const wrong = await rejection(
      eks.send(new UpdateNodegroupConfigCommand({ clusterName: "demo", nodegroupName: "ng", scalingConfig: { desiredSize: 5 } })),
    );
    expect(wrong.name).toBe("InvalidParameterException");
    expect(wrong.message).toMatch(/Desired capacity 5 can't be greater than max size 3/);

    const upd = (
      await eks.send(
        new UpdateNodegroupConfigCommand({
          clusterName: "demo",
          nodegroupName: "ng",
          scalingConfig: { minSize: 2, maxSize: 6, desiredSize: 4 },
          labels: { addOrUpdateLabels: { env: "prod" }, removeLabels: ["tier"] },
          updateConfig: { maxUnavailable: 2 },
        }),
      )
    ).update;
    expect(upd).toMatchObject({ type: "ConfigUpdate", status: "InProgress", errors: [] });
    expect(upd.params).toEqual(
      expect.arrayContaining([
        { type: "MinSize", value: "2" },
        { type: "MaxSize", value: "6" },
        { type: "DesiredSize", value: "4" },
        { type: "MaxUnavailable", value: "2" },
      ]),
    );
    const during = await dn();
    expect(during.status).toBe("UPDATING");
    expect(during.scalingConfig).toEqual({ minSize: 2, maxSize: 6, desiredSize: 4 });
    expect(during.labels).toEqual({ env: "prod" });
    expect(during.updateConfig).toEqual({ maxUnavailable: 2 });
    const ids = (await eks.send(new ListUpdatesCommand({ name: "demo", nodegroupName: "ng" }))).updateIds;
    expect(ids).toEqual([upd.id]);
    expect((await eks.send(new ListUpdatesCommand({ name: "demo" }))).updateIds).toEqual([]);
    await sleep(PACE + 50);
    expect((await dn()).status).toBe("ACTIVE");
    const done = (await eks.send(new DescribeUpdateCommand({ name: "demo", updateId: upd.id, nodegroupName: "ng" }))).update;
    expect(done.status).toBe("Successful");

    // The cluster can't go while it has node groups.
    expect((await rejection(eks.send(new DeleteClusterCommand({ name: "demo" })))).name).toBe("ResourceInUseException");
    const del = (await eks.send(new DeleteNodegroupCommand({ clusterName: "demo", nodegroupName: "ng" }))).nodegroup;
    expect(del.status).toBe("DELETING");
    expect((await dn()).status).toBe("DELETING");
    expect((await eks.send(new ListNodegroupsCommand({ clusterName: "demo" }))).nodegroups).toEqual(["ng"]);
    expect((await rejection(eks.send(new DeleteClusterCommand({ name: "demo" })))).name).toBe("ResourceInUseException");
    await sleep(PACE + 50);
    expect((await rejection(dn())).name).toBe("ResourceNotFoundException");
    expect((await eks.send(new ListNodegroupsCommand({ clusterName: "demo" }))).nodegroups).toEqual([]);
    expect((await eks.send(new DeleteClusterCommand({ name: "demo" }))).cluster.status).toBe("DELETING");
  });

  it("Fargate profile: public subnets refused; CREATING → ACTIVE → DELETING → gone", async () => {
    await activeCluster();
    // The default VPC's subnets are public (main table: 0.0.0.0/0 → its internet gateway), as on AWS.
    // Make the first two private: a route table without the internet route, associated with them.
    const sn = (await ec2.send(new DescribeSubnetsCommand({ SubnetIds: [subnets[0]] }))).Subnets[0];
    const rtb = (await ec2.send(new CreateRouteTableCommand({ VpcId: sn.VpcId }))).RouteTable.RouteTableId;
    for (const id of subnets.slice(0, 2)) await ec2.send(new AssociateRouteTableCommand({ RouteTableId: rtb, SubnetId: id }));
    const pub = await rejection(
      eks.send(
        new CreateFargateProfileCommand({
          clusterName: "demo",
          fargateProfileName: "fp",
          podExecutionRoleArn: roleArn,
          subnets: [subnets[0], subnets[2]],
          selectors: [{ namespace: "default" }],
        }),
      ),
    );
    expect(pub.name).toBe("InvalidParameterException");
    expect(pub.message).toBe(`Subnet ${subnets[2]} provided in Fargate Profile is not a private subnet`);
    const fp = (
      await eks.send(
        new CreateFargateProfileCommand({
          clusterName: "demo",
          fargateProfileName: "fp",
          podExecutionRoleArn: roleArn,
          subnets: subnets.slice(0, 2),
          selectors: [{ namespace: "default", labels: { app: "web" } }],
        }),
      )
    ).fargateProfile;
    expect(fp.status).toBe("CREATING");
    const df = () => eks.send(new DescribeFargateProfileCommand({ clusterName: "demo", fargateProfileName: "fp" })).then((r) => r.fargateProfile);
    expect((await df()).status).toBe("CREATING");
    await sleep(PACE + 50);
    const active = await df();
    expect(active.status).toBe("ACTIVE");
    expect(active.selectors).toEqual([{ namespace: "default", labels: { app: "web" } }]);
    expect((await rejection(eks.send(new DeleteClusterCommand({ name: "demo" })))).name).toBe("ResourceInUseException");
    expect((await eks.send(new DeleteFargateProfileCommand({ clusterName: "demo", fargateProfileName: "fp" }))).fargateProfile.status).toBe("DELETING");
    expect((await df()).status).toBe("DELETING");
    expect((await eks.send(new ListFargateProfilesCommand({ clusterName: "demo" }))).fargateProfileNames).toEqual(["fp"]);
    await sleep(PACE + 50);
    expect((await rejection(df())).name).toBe("ResourceNotFoundException");
    expect((await eks.send(new DeleteClusterCommand({ name: "demo" }))).cluster.status).toBe("DELETING");
  });

  it("add-on versions are filtered by Kubernetes version, with one default each", async () => {
    const all = (await eks.send(new DescribeAddonVersionsCommand({}))).addons;
    expect(all.map((a) => a.addonName).sort()).toEqual(
      ["aws-ebs-csi-driver", "coredns", "eks-pod-identity-agent", "kube-proxy", "vpc-cni"],
    );
    for (const k8s of ["1.31", "1.32", "1.33", "1.34", "1.35"]) {
      const addons = (await eks.send(new DescribeAddonVersionsCommand({ kubernetesVersion: k8s }))).addons;
      expect(addons).toHaveLength(5);
      for (const a of addons) {
        expect(a.addonVersions.length).toBeGreaterThanOrEqual(2);
        for (const v of a.addonVersions) expect(v.compatibilities.map((c) => c.clusterVersion)).toEqual([k8s]);
        expect(a.addonVersions.filter((v) => v.compatibilities[0].defaultVersion)).toHaveLength(1);
      }
      const kp = addons.find((a) => a.addonName === "kube-proxy");
      for (const v of kp.addonVersions) expect(v.addonVersion.startsWith(`v${k8s}.`)).toBe(true);
    }
    const ebs = (await eks.send(new DescribeAddonVersionsCommand({ addonName: "aws-ebs-csi-driver", kubernetesVersion: "1.33" }))).addons;
    expect(ebs).toHaveLength(1);
    expect(ebs[0]).toMatchObject({ type: "storage", owner: "aws", publisher: "eks" });
    expect(ebs[0].addonVersions[0].requiresIamPermissions).toBe(true);
    const conf = await eks.send(new DescribeAddonConfigurationCommand({ addonName: "aws-ebs-csi-driver", addonVersion: ebs[0].addonVersions[0].addonVersion }));
    expect(JSON.parse(conf.configurationSchema).$schema).toMatch(/json-schema/);
    expect(conf.podIdentityConfiguration).toEqual([
      { serviceAccount: "ebs-csi-controller-sa", recommendedManagedPolicies: ["arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy"] },
    ]);
    expect((await rejection(eks.send(new DescribeAddonConfigurationCommand({ addonName: "coredns", addonVersion: "v0.0.1" })))).name).toBe(
      "InvalidParameterException",
    );
    // Pages
    const p1 = await eks.send(new DescribeAddonVersionsCommand({ maxResults: 2 }));
    expect(p1.addons).toHaveLength(2);
    const p2 = await eks.send(new DescribeAddonVersionsCommand({ maxResults: 10, nextToken: p1.nextToken }));
    expect(p2.addons).toHaveLength(3);
    expect(p2.nextToken).toBeUndefined();
    expect(EKS_ADDONS).toHaveLength(5);
  });

  it("add-ons: create (default version, role, conflicts) → ACTIVE, duplicate refused, update, delete", async () => {
    await activeCluster("demo", { version: "1.33" });
    const role = "arn:aws:iam::123456789012:role/AmazonEKS_EBS_CSI_DriverRole";
    const a = (
      await eks.send(
        new CreateAddonCommand({ clusterName: "demo", addonName: "aws-ebs-csi-driver", serviceAccountRoleArn: role, resolveConflicts: "OVERWRITE" }),
      )
    ).addon;
    expect(a).toMatchObject({ addonName: "aws-ebs-csi-driver", clusterName: "demo", status: "CREATING", addonVersion: "v1.50.1-eksbuild.1", serviceAccountRoleArn: role });
    expect(a.addonArn).toMatch(/^arn:aws:eks:us-east-1:123456789012:addon\/demo\/aws-ebs-csi-driver\//);
    expect((await getEks(sandbox.endpoint)).addons[0]).toMatchObject({ addonName: "aws-ebs-csi-driver", resolveConflicts: "OVERWRITE" });
    const dup = await rejection(eks.send(new CreateAddonCommand({ clusterName: "demo", addonName: "aws-ebs-csi-driver" })));
    expect(dup.name).toBe("ResourceInUseException");
    const wrongVersion = await rejection(
      eks.send(new CreateAddonCommand({ clusterName: "demo", addonName: "kube-proxy", addonVersion: "v1.34.1-eksbuild.2" })),
    );
    expect(wrongVersion.name).toBe("InvalidParameterException");
    const unknown = await rejection(eks.send(new CreateAddonCommand({ clusterName: "demo", addonName: "not-an-addon" })));
    expect(unknown.name).toBe("InvalidParameterException");
    await eks.send(new CreateAddonCommand({ clusterName: "demo", addonName: "kube-proxy", addonVersion: "v1.33.3-eksbuild.6" }));
    expect((await eks.send(new ListAddonsCommand({ clusterName: "demo" }))).addons).toEqual(["aws-ebs-csi-driver", "kube-proxy"]);

    const da = (name) => eks.send(new DescribeAddonCommand({ clusterName: "demo", addonName: name })).then((r) => r.addon);
    expect((await da("kube-proxy")).status).toBe("CREATING");
    await sleep(PACE + 50);
    expect((await da("kube-proxy")).status).toBe("ACTIVE");

    const upd = (
      await eks.send(new UpdateAddonCommand({ clusterName: "demo", addonName: "kube-proxy", addonVersion: "v1.33.5-eksbuild.2", resolveConflicts: "PRESERVE" }))
    ).update;
    expect(upd).toMatchObject({ type: "AddonUpdate", status: "InProgress" });
    expect(upd.params).toEqual(
      expect.arrayContaining([
        { type: "AddonVersion", value: "v1.33.5-eksbuild.2" },
        { type: "ResolveConflicts", value: "PRESERVE" },
      ]),
    );
    expect(await da("kube-proxy")).toMatchObject({ status: "UPDATING", addonVersion: "v1.33.3-eksbuild.6" });
    expect((await rejection(eks.send(new UpdateAddonCommand({ clusterName: "demo", addonName: "kube-proxy" })))).name).toBe(
      "ResourceInUseException",
    );
    expect((await eks.send(new ListUpdatesCommand({ name: "demo", addonName: "kube-proxy" }))).updateIds).toEqual([upd.id]);
    await sleep(PACE + 50);
    expect(await da("kube-proxy")).toMatchObject({ status: "ACTIVE", addonVersion: "v1.33.5-eksbuild.2" });
    expect((await eks.send(new DescribeUpdateCommand({ name: "demo", updateId: upd.id, addonName: "kube-proxy" }))).update.status).toBe("Successful");

    expect((await eks.send(new DeleteAddonCommand({ clusterName: "demo", addonName: "kube-proxy", preserve: true }))).addon.status).toBe("DELETING");
    expect((await da("kube-proxy")).status).toBe("DELETING");
    await sleep(PACE + 50);
    expect((await rejection(da("kube-proxy"))).name).toBe("ResourceNotFoundException");
    expect((await eks.send(new ListAddonsCommand({ clusterName: "demo" }))).addons).toEqual(["aws-ebs-csi-driver"]);
    expect((await rejection(eks.send(new ListAddonsCommand({ clusterName: "nope" })))).name).toBe("ResourceNotFoundException");
  });

  it("UpdateClusterVersion: one minor at a time, UPDATING, version changes when Successful; node group follows", async () => {
    await activeCluster("demo", { version: "1.32" });
    await eks.send(new CreateNodegroupCommand({ clusterName: "demo", nodegroupName: "ng", nodeRole: roleArn, subnets }));
    const skip = await rejection(eks.send(new UpdateClusterVersionCommand({ name: "demo", version: "1.34" })));
    expect(skip.name).toBe("InvalidParameterException");
    expect(skip.message).toBe("Unsupported Kubernetes minor version update from 1.32 to 1.34");
    const upd = (await eks.send(new UpdateClusterVersionCommand({ name: "demo", version: "1.33" }))).update;
    expect(upd).toMatchObject({ type: "VersionUpdate", status: "InProgress", params: expect.arrayContaining([{ type: "Version", value: "1.33" }]) });
    expect(await describe_()).toMatchObject({ status: "UPDATING", version: "1.32" });
    expect((await rejection(eks.send(new UpdateClusterVersionCommand({ name: "demo", version: "1.33" })))).name).toBe("ResourceInUseException");
    expect((await eks.send(new ListUpdatesCommand({ name: "demo" }))).updateIds).toEqual([upd.id]);
    await sleep(PACE + 50);
    expect(await describe_()).toMatchObject({ status: "ACTIVE", version: "1.33" });
    expect((await eks.send(new DescribeUpdateCommand({ name: "demo", updateId: upd.id }))).update.status).toBe("Successful");
    const missing = await rejection(eks.send(new DescribeUpdateCommand({ name: "demo", updateId: "00000000-0000-0000-0000-000000000000" })));
    expect(missing.name).toBe("ResourceNotFoundException");

    const dn = () => eks.send(new DescribeNodegroupCommand({ clusterName: "demo", nodegroupName: "ng" })).then((r) => r.nodegroup);
    expect((await dn()).version).toBe("1.32");
    const nv = (await eks.send(new UpdateNodegroupVersionCommand({ clusterName: "demo", nodegroupName: "ng" }))).update;
    expect(nv).toMatchObject({ type: "VersionUpdate", status: "InProgress" });
    expect(await dn()).toMatchObject({ status: "UPDATING", version: "1.32" });
    await sleep(PACE + 50);
    const after = await dn();
    expect(after).toMatchObject({ status: "ACTIVE", version: "1.33" });
    expect(after.releaseVersion).toMatch(/^1\.33\./);
    const tooNew = await rejection(eks.send(new UpdateNodegroupVersionCommand({ clusterName: "demo", nodegroupName: "ng", version: "1.34" })));
    expect(tooNew.name).toBe("InvalidParameterException");
  });

  it("UpdateClusterConfig: logging and endpoint access, merged, as updates", async () => {
    await activeCluster();
    const log = (
      await eks.send(
        new UpdateClusterConfigCommand({ name: "demo", logging: { clusterLogging: [{ types: ["api", "audit"], enabled: true }] } }),
      )
    ).update;
    expect(log).toMatchObject({ type: "LoggingUpdate", status: "InProgress" });
    const c1 = await describe_();
    expect(c1.status).toBe("UPDATING");
    expect(c1.logging.clusterLogging).toEqual([
      { types: ["api", "audit"], enabled: true },
      { types: ["authenticator", "controllerManager", "scheduler"], enabled: false },
    ]);
    expect((await rejection(eks.send(new UpdateClusterConfigCommand({ name: "demo", logging: { clusterLogging: [] } })))).name).toBe(
      "ResourceInUseException",
    );
    await sleep(PACE + 50);
    const ep = (
      await eks.send(
        new UpdateClusterConfigCommand({
          name: "demo",
          resourcesVpcConfig: { endpointPrivateAccess: true, publicAccessCidrs: ["203.0.113.0/24"] },
        }),
      )
    ).update;
    expect(ep.type).toBe("EndpointAccessUpdate");
    expect(ep.params).toEqual(
      expect.arrayContaining([
        { type: "EndpointPrivateAccess", value: "true" },
        { type: "PublicAccessCidrs", value: '["203.0.113.0/24"]' },
      ]),
    );
    const c2 = await describe_();
    expect(c2.resourcesVpcConfig).toMatchObject({
      subnetIds: subnets.slice(0, 2),
      endpointPublicAccess: true,
      endpointPrivateAccess: true,
      publicAccessCidrs: ["203.0.113.0/24"],
    });
    expect((await eks.send(new ListUpdatesCommand({ name: "demo" }))).updateIds).toEqual([ep.id, log.id]);
    await sleep(PACE + 50);
    const none = await rejection(
      eks.send(new UpdateClusterConfigCommand({ name: "demo", resourcesVpcConfig: { endpointPrivateAccess: false, endpointPublicAccess: false } })),
    );
    expect(none.name).toBe("InvalidParameterException");
  });

  it("tags on clusters (moto), node groups, Fargate profiles and add-ons (gateway)", async () => {
    await activeCluster("demo", { tags: { team: "a" } });
    const cluster = await describe_();
    const ng = (
      await eks.send(new CreateNodegroupCommand({ clusterName: "demo", nodegroupName: "ng", nodeRole: roleArn, subnets, tags: { tier: "web" } }))
    ).nodegroup;
    const addon = (await eks.send(new CreateAddonCommand({ clusterName: "demo", addonName: "coredns", tags: { a: "1" } }))).addon;
    const tags = async (resourceArn) => (await eks.send(new ListTagsForResourceCommand({ resourceArn }))).tags;
    expect(await tags(cluster.arn)).toEqual({ team: "a" });
    expect(await tags(ng.nodegroupArn)).toEqual({ tier: "web" });
    expect(await tags(addon.addonArn)).toEqual({ a: "1" });
    await eks.send(new TagResourceCommand({ resourceArn: ng.nodegroupArn, tags: { env: "prod" } }));
    await eks.send(new TagResourceCommand({ resourceArn: addon.addonArn, tags: { b: "2" } }));
    await eks.send(new UntagResourceCommand({ resourceArn: addon.addonArn, tagKeys: ["a"] }));
    expect(await tags(ng.nodegroupArn)).toEqual({ tier: "web", env: "prod" });
    expect((await eks.send(new DescribeNodegroupCommand({ clusterName: "demo", nodegroupName: "ng" }))).nodegroup.tags).toEqual({ tier: "web", env: "prod" });
    expect(await tags(addon.addonArn)).toEqual({ b: "2" });
    expect((await eks.send(new DescribeAddonCommand({ clusterName: "demo", addonName: "coredns" }))).addon.tags).toEqual({ b: "2" });
    const missing = await rejection(tags(addon.addonArn.replace("coredns", "kube-proxy")));
    expect(missing.name).toBe("ResourceNotFoundException");
  });

  it("every EKS call is counted and faultable", async () => {
    await activeCluster();
    await injectFault(sandbox.endpoint, { service: "eks", operation: "CreateAddon", fault: "throttle" });
    const t = await rejection(eks.send(new CreateAddonCommand({ clusterName: "demo", addonName: "coredns" })));
    expect(t.name).toBe("ThrottlingException");
    expect((await eks.send(new ListAddonsCommand({ clusterName: "demo" }))).addons).toEqual([]);
    await eks.send(new DescribeAddonVersionsCommand({ kubernetesVersion: "1.34" }));
    await eks.send(new DescribeClusterVersionsCommand({}));
    const calls = await sandboxCalls(sandbox.endpoint);
    expect(calls.calls).toMatchObject({
      "eks:CreateCluster": 1,
      "eks:DescribeCluster": 1,
      "eks:CreateAddon": 1,
      "eks:ListAddons": 1,
      "eks:DescribeAddonVersions": 1,
      "eks:DescribeClusterVersions": 1,
    });
    expect(calls.faulted).toEqual({ "eks:CreateAddon": 1 });
    expect(calls.unimplemented).toEqual({});
  });
});
