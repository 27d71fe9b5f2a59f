// Amazon EKS lifecycle, updates and add-ons, layered by the gateway over moto's EKS.
//
// REST-JSON protocol (signing name "eks"). moto 5.2.1 creates clusters, node groups and Fargate
// profiles ACTIVE at once and has no add-ons, no updates, no version upgrades and no
// DescribeClusterVersions. The gateway
//   - forwards the calls moto has and rewrites its answers: CREATING until `paceMs` has passed
//     since the create, then ACTIVE; DELETING for the pace after a delete (the last description is
//     held while moto has already forgotten the resource), then gone; UPDATING while an update runs;
//   - serves itself: DescribeClusterVersions, DescribeAddonVersions, add-ons, updates
//     (UpdateClusterVersion, UpdateClusterConfig, UpdateNodegroupConfig, UpdateNodegroupVersion,
//     DescribeUpdate, ListUpdates).
// Status is computed from timestamps when asked (no timers). See sandbox/README.md ("Amazon EKS").
import { randomBytes, randomUUID } from "node:crypto";
import { SANDBOX_ACCOUNT } from "./faults.mjs";
import { ApiError, jsonError, jsonResponse } from "./apprunner.mjs";

export const EKS_DEFAULT_PACE_MS = 3000;
const CT = "application/json";

// ---------------------------------------------------------------------------------------------
// Catalogues

const day = (s) => Date.parse(`${s}T00:00:00Z`);
const addYear = (ms) => {
  const d = new Date(ms);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.getTime();
};

/** Kubernetes versions the sandbox's EKS offers (newest first; the newest is the default). */
export const EKS_CLUSTER_VERSIONS = [
  { clusterVersion: "1.35", kubernetesPatchVersion: "1.35.0", defaultPlatformVersion: "eks.3", releaseDate: day("2026-01-27"), endOfStandardSupportDate: day("2027-03-27") },
  { clusterVersion: "1.34", kubernetesPatchVersion: "1.34.1", defaultPlatformVersion: "eks.9", releaseDate: day("2025-10-02"), endOfStandardSupportDate: day("2026-12-02") },
  { clusterVersion: "1.33", kubernetesPatchVersion: "1.33.5", defaultPlatformVersion: "eks.20", releaseDate: day("2025-05-29"), endOfStandardSupportDate: day("2026-07-29") },
  { clusterVersion: "1.32", kubernetesPatchVersion: "1.32.9", defaultPlatformVersion: "eks.27", releaseDate: day("2025-01-23"), endOfStandardSupportDate: day("2026-03-23") },
  { clusterVersion: "1.31", kubernetesPatchVersion: "1.31.13", defaultPlatformVersion: "eks.44", releaseDate: day("2024-09-26"), endOfStandardSupportDate: day("2025-11-26") },
];
export const EKS_DEFAULT_VERSION = EKS_CLUSTER_VERSIONS[0].clusterVersion;
const versionInfo = (v) => EKS_CLUSTER_VERSIONS.find((x) => x.clusterVersion === v);

/**
 * Add-on catalogue: per add-on, versions newest first, each with the Kubernetes versions it runs on;
 * `default` lists the Kubernetes versions for which it is the default.
 */
const ALL = ["1.31", "1.32", "1.33", "1.34", "1.35"];
export const EKS_ADDONS = [
  {
    addonName: "vpc-cni",
    type: "networking",
    defaultNamespace: "kube-system",
    requiresIamPermissions: true,
    versions: [
      { v: "v1.20.4-eksbuild.1", k8s: ALL, default: [] },
      { v: "v1.20.3-eksbuild.1", k8s: ALL, default: ALL },
      { v: "v1.19.6-eksbuild.7", k8s: ALL, default: [] },
      { v: "v1.19.2-eksbuild.1", k8s: ["1.31", "1.32", "1.33"], default: [] },
    ],
  },
  {
    addonName: "coredns",
    type: "networking",
    defaultNamespace: "kube-system",
    requiresIamPermissions: false,
    versions: [
      { v: "v1.13.1-eksbuild.1", k8s: ["1.35"], default: ["1.35"] },
      { v: "v1.12.4-eksbuild.1", k8s: ["1.34", "1.35"], default: ["1.34"] },
      { v: "v1.12.3-eksbuild.1", k8s: ["1.33", "1.34"], default: [] },
      { v: "v1.12.2-eksbuild.4", k8s: ["1.33"], default: ["1.33"] },
      { v: "v1.11.4-eksbuild.14", k8s: ["1.31", "1.32"], default: ["1.32"] },
      { v: "v1.11.4-eksbuild.2", k8s: ["1.31", "1.32"], default: [] },
      { v: "v1.11.3-eksbuild.1", k8s: ["1.31"], default: ["1.31"] },
    ],
  },
  {
    addonName: "kube-proxy",
    type: "networking",
    defaultNamespace: "kube-system",
    requiresIamPermissions: false,
    versions: [
      { v: "v1.35.0-eksbuild.4", k8s: ["1.35"], default: [] },
      { v: "v1.35.0-eksbuild.2", k8s: ["1.35"], default: ["1.35"] },
      { v: "v1.34.1-eksbuild.2", k8s: ["1.34"], default: [] },
      { v: "v1.34.0-eksbuild.5", k8s: ["1.34"], default: ["1.34"] },
      { v: "v1.33.5-eksbuild.2", k8s: ["1.33"], default: [] },
      { v: "v1.33.3-eksbuild.6", k8s: ["1.33"], default: ["1.33"] },
      { v: "v1.32.9-eksbuild.2", k8s: ["1.32"], default: [] },
      { v: "v1.32.6-eksbuild.8", k8s: ["1.32"], default: ["1.32"] },
      { v: "v1.31.13-eksbuild.2", k8s: ["1.31"], default: [] },
      { v: "v1.31.10-eksbuild.8", k8s: ["1.31"], default: ["1.31"] },
    ],
  },
  {
    addonName: "eks-pod-identity-agent",
    type: "security",
    defaultNamespace: "kube-system",
    requiresIamPermissions: false,
    versions: [
      { v: "v1.3.9-eksbuild.3", k8s: ALL, default: [] },
      { v: "v1.3.8-eksbuild.2", k8s: ALL, default: ALL },
      { v: "v1.3.4-eksbuild.1", k8s: ["1.31", "1.32", "1.33"], default: [] },
    ],
  },
  {
    addonName: "aws-ebs-csi-driver",
    type: "storage",
    defaultNamespace: "kube-system",
    requiresIamPermissions: true,
    versions: [
      { v: "v1.51.0-eksbuild.1", k8s: ALL, default: [] },
      { v: "v1.50.1-eksbuild.1", k8s: ALL, default: ALL },
      { v: "v1.48.0-eksbuild.2", k8s: ALL, default: [] },
      { v: "v1.45.0-eksbuild.2", k8s: ["1.31", "1.32", "1.33"], default: [] },
    ],
  },
];
/** Service accounts and AWS managed policies an add-on needs (DescribeAddonConfiguration). */
const ADDON_POD_IDENTITY = {
  "vpc-cni": [{ serviceAccount: "aws-node", recommendedManagedPolicies: ["arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy"] }],
  "aws-ebs-csi-driver": [
    { serviceAccount: "ebs-csi-controller-sa", recommendedManagedPolicies: ["arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy"] },
  ],
};
/** A small JSON schema per add-on, the shape AWS returns (draft-07, additionalProperties false). */
const ADDON_SCHEMA_PROPS = {
  "vpc-cni": { env: { type: "object", properties: { ENABLE_PREFIX_DELEGATION: { type: "string" }, WARM_IP_TARGET: { type: "string" } } }, resources: { type: "object" } },
  coredns: { replicaCount: { type: "integer", minimum: 1 }, resources: { type: "object" }, tolerations: { type: "array" } },
  "kube-proxy": { ipvs: { type: "object" }, mode: { type: "string", enum: ["iptables", "ipvs"] }, resources: { type: "object" } },
  "eks-pod-identity-agent": { agent: { type: "object" }, resources: { type: "object" }, tolerations: { type: "array" } },
  "aws-ebs-csi-driver": { controller: { type: "object" }, node: { type: "object" }, defaultStorageClass: { type: "object", properties: { enabled: { type: "boolean" } } } },
};
const addonEntry = (name) => EKS_ADDONS.find((a) => a.addonName === name);
const compatible = (entry, addonVersion, k8s) => entry.versions.some((x) => x.v === addonVersion && x.k8s.includes(k8s));
const defaultAddonVersion = (entry, k8s) =>
  (entry.versions.find((x) => x.default.includes(k8s)) ?? entry.versions.find((x) => x.k8s.includes(k8s)))?.v;

function addonInfo(entry, k8s) {
  const versions = entry.versions
    .filter((x) => !k8s || x.k8s.includes(k8s))
    .map((x) => ({
      addonVersion: x.v,
      architecture: ["amd64", "arm64"],
      computeTypes: entry.addonName === "kube-proxy" || entry.addonName === "vpc-cni" ? ["ec2", "hybrid"] : ["ec2", "auto", "hybrid"],
      compatibilities: x.k8s
        .filter((kv) => !k8s || kv === k8s)
        .map((kv) => ({ clusterVersion: kv, platformVersions: ["*"], defaultVersion: x.default.includes(kv) })),
      requiresConfiguration: false,
      requiresIamPermissions: entry.requiresIamPermissions,
    }));
  return {
    addonName: entry.addonName,
    type: entry.type,
    addonVersions: versions,
    publisher: "eks",
    owner: "aws",
    marketplaceInformation: undefined,
    defaultNamespace: entry.defaultNamespace,
  };
}

// ---------------------------------------------------------------------------------------------
// Helpers

const now = () => Date.now();
const secs = (ms) => ms / 1000;
const clone = (v) => (v === undefined ? undefined : structuredClone(v));
const minorOf = (v) => {
  const m = /^1\.(\d+)$/.exec(String(v ?? ""));
  return m ? Number(m[1]) : null;
};
const notFound = (message, extra) => Object.assign(new ApiError("ResourceNotFoundException", message, 404), { extra });
const inUse = (message) => new ApiError("ResourceInUseException", message, 409);
const invalidParam = (message) => new ApiError("InvalidParameterException", message, 400);
const invalidRequest = (message) => new ApiError("InvalidRequestException", message, 400);
const clusterNotFound = (name) => notFound(`No cluster found for name: ${name}.`, { clusterName: name });

function errorResponse(err) {
  const res = jsonError(err.code, err.message, { status: err.status ?? 400, contentType: CT });
  if (err.extra) {
    const body = Buffer.from(JSON.stringify({ ...JSON.parse(res.body.toString("utf8")), ...err.extra }));
    res.body = body;
    res.headers["Content-Length"] = String(body.length);
  }
  return res;
}
const ok = (value) => jsonResponse(value, CT);

/** A resource's lifecycle, from timestamps: CREATING → ACTIVE (→ UPDATING while an update runs) → DELETING → gone. */
class Life {
  constructor(pace, t = now()) {
    this.createdAt = t;
    this.readyAt = t + pace;
    this.deletingAt = null;
    this.goneAt = null;
    this.last = null; // last description, held while DELETING
    /** @type {UpdateRec[]} */
    this.updates = [];
  }
  startDelete(pace, t = now()) {
    this.deletingAt = t;
    this.goneAt = t + pace;
  }
  gone(t = now()) {
    return this.goneAt !== null && t >= this.goneAt;
  }
  deleting(t = now()) {
    return this.deletingAt !== null && t < this.goneAt;
  }
  updating(t = now()) {
    return this.updates.some((u) => t < u.doneAt);
  }
  status(t = now()) {
    if (this.deletingAt !== null) return "DELETING";
    if (t < this.readyAt) return "CREATING";
    if (this.updating(t)) return "UPDATING";
    return "ACTIVE";
  }
}

/** @typedef {{ id: string, type: string, params: {type: string, value: string}[], createdAt: number, doneAt: number, applied: boolean, apply?: () => void }} UpdateRec */

function newUpdate(type, params, pace, apply) {
  const t = now();
  return { id: randomUUID(), type, params, createdAt: t, doneAt: t + pace, applied: false, apply };
}
function updateView(u, t = now()) {
  return {
    id: u.id,
    status: t < u.doneAt ? "InProgress" : "Successful",
    type: u.type,
    params: u.params,
    createdAt: secs(u.createdAt),
    errors: [],
  };
}

class ClusterState {
  constructor(name, pace) {
    this.name = name;
    this.life = new Life(pace);
    this.version = null; // set from the request / upgrades
    this.nodegroups = new Map(); // name → { life, version, releaseVersion, scalingConfig, updateConfig }
    this.fargate = new Map(); // name → { life }
    this.addons = new Map(); // name → AddonRec
  }
}

class RegionState {
  constructor(region) {
    this.region = region;
    /** @type {Map<string, ClusterState>} */
    this.clusters = new Map();
  }
}

function releaseVersionFor(k8s, amiType = "AL2023_x86_64_STANDARD") {
  const patch = versionInfo(k8s)?.kubernetesPatchVersion ?? `${k8s}.0`;
  return String(amiType).startsWith("BOTTLEROCKET") ? `1.49.0-${patch.replaceAll(".", "")}` : `${patch}-20251103`;
}

function validScaling(sc) {
  if (!sc) return;
  const { minSize, maxSize, desiredSize } = sc;
  for (const [k, v] of Object.entries({ minSize, maxSize, desiredSize })) {
    if (v !== undefined && (!Number.isInteger(v) || v < 0)) throw invalidParam(`${k} must be a whole number of 0 or more`);
  }
  if (maxSize !== undefined && maxSize < 1) throw invalidParam("Maximum capacity must be at least 1");
  if (minSize !== undefined && desiredSize !== undefined && minSize > desiredSize)
    throw invalidParam(`Minimum capacity ${minSize} can't be greater than desired size ${desiredSize}`);
  if (desiredSize !== undefined && maxSize !== undefined && desiredSize > maxSize)
    throw invalidParam(`Desired capacity ${desiredSize} can't be greater than max size ${maxSize}`);
  if (minSize !== undefined && maxSize !== undefined && minSize > maxSize)
    throw invalidParam(`Minimum capacity ${minSize} can't be greater than max size ${maxSize}`);
}

function validUpdateConfig(uc) {
  if (!uc) return;
  const n = uc.maxUnavailable;
  const p = uc.maxUnavailablePercentage;
  if (n !== undefined && p !== undefined) throw invalidParam("You can specify either maxUnavailable or maxUnavailablePercentage, not both");
  if (n !== undefined && (!Number.isInteger(n) || n < 1 || n > 100)) throw invalidParam("maxUnavailable must be between 1 and 100");
  if (p !== undefined && (!Number.isInteger(p) || p < 1 || p > 100)) throw invalidParam("maxUnavailablePercentage must be between 1 and 100");
}

// ---------------------------------------------------------------------------------------------

export const EKS_GATEWAY_OPERATIONS = new Set([
  "DescribeClusterVersions",
  "DescribeAddonVersions",
  "DescribeAddonConfiguration",
  "CreateAddon",
  "DescribeAddon",
  "ListAddons",
  "UpdateAddon",
  "DeleteAddon",
  "UpdateClusterVersion",
  "UpdateClusterConfig",
  "UpdateNodegroupVersion",
  "DescribeUpdate",
  "ListUpdates",
]);

export class EksSandbox {
  #upstream;
  #paceMs;
  #regions = new Map();

  constructor({ upstream, paceMs } = {}) {
    this.#upstream = upstream;
    this.#paceMs = paceMs ?? EksSandbox.#envPace();
  }

  static #envPace() {
    const envPace = Number(process.env.SANDBOX_EKS_PACE_MS);
    return process.env.SANDBOX_EKS_PACE_MS !== undefined && Number.isFinite(envPace) && envPace >= 0 ? envPace : EKS_DEFAULT_PACE_MS;
  }

  settings() {
    return { paceMs: this.#paceMs };
  }

  configure({ paceMs } = {}) {
    if (paceMs !== undefined) {
      if (typeof paceMs !== "number" || !Number.isFinite(paceMs) || paceMs < 0 || paceMs > 600_000)
        throw new Error("paceMs must be a number from 0 to 600000");
      this.#paceMs = paceMs;
    }
    return this.settings();
  }

  reset() {
    this.#regions.clear();
    this.#paceMs = EksSandbox.#envPace();
  }

  close() {}

  /** What the gateway knows, for tests: add-ons with the resolveConflicts they were given. */
  state() {
    const t = now();
    const addons = [];
    for (const [region, rs] of this.#regions) {
      this.#settle(rs, t);
      for (const c of rs.clusters.values())
        for (const a of c.addons.values())
          addons.push({
            region,
            clusterName: c.name,
            addonName: a.addonName,
            addonVersion: a.addonVersion,
            status: a.life.status(t),
            serviceAccountRoleArn: a.serviceAccountRoleArn ?? null,
            resolveConflicts: a.resolveConflicts ?? null,
            preserve: a.preserve ?? null,
          });
    }
    return { ...this.settings(), addons };
  }

  #region(region) {
    const r = !region || region === "unknown" ? "us-east-1" : region;
    let s = this.#regions.get(r);
    if (!s) this.#regions.set(r, (s = new RegionState(r)));
    return s;
  }

  /** Apply finished updates and drop resources whose deletion has run its course. */
  #settle(rs, t = now()) {
    for (const [name, c] of rs.clusters) {
      const lives = [
        c.life,
        ...[...c.nodegroups.values()].map((n) => n.life),
        ...[...c.addons.values()].map((a) => a.life),
      ];
      for (const life of lives)
        for (const u of life.updates)
          if (!u.applied && t >= u.doneAt) {
            u.applied = true;
            u.apply?.();
          }
      for (const [k, n] of c.nodegroups) if (n.life.gone(t)) c.nodegroups.delete(k);
      for (const [k, f] of c.fargate) if (f.life.gone(t)) c.fargate.delete(k);
      for (const [k, a] of c.addons) if (a.life.gone(t)) c.addons.delete(k);
      if (c.life.gone(t)) rs.clusters.delete(name);
    }
  }

  /** Forward the original request to moto; returns { status, data }. */
  async #moto(req, region, body, { method = req.method, path = req.url, json } = {}) {
    const res = await fetch(this.#upstream + path, {
      method,
      headers: {
        "Content-Type": CT,
        Authorization: `AWS4-HMAC-SHA256 Credential=test/20260101/${region}/eks/aws4_request, SignedHeaders=host, Signature=0`,
      },
      body: method === "GET" || method === "DELETE" ? undefined : json !== undefined ? JSON.stringify(json) : body.length ? body : undefined,
      signal: AbortSignal.timeout(10_000),
    });
    const text = await res.text();
    let data = {};
    try {
      data = text ? JSON.parse(text) : {};
    } catch {
      data = { message: text.slice(0, 300) };
    }
    return { status: res.status, data, headers: res.headers };
  }

  static #motoError({ status, data, headers }) {
    const code = String(data.__type ?? headers.get("x-amzn-errortype") ?? "ServerException").split("#").pop().split(":")[0];
    const { message, Message, __type, ...extra } = data;
    return Object.assign(new ApiError(code, message ?? Message ?? `moto answered HTTP ${status}`, status), { extra });
  }

  #cluster(rs, name, { t = now(), live = true } = {}) {
    const c = rs.clusters.get(name);
    if (!c || c.life.gone(t)) throw clusterNotFound(name);
    if (live && c.life.deletingAt !== null) throw clusterNotFound(name);
    return c;
  }

  /**
   * Handle one EKS call. `req` needs method and url.
   * @returns {Promise<{ status: number, headers: object, body: Buffer }>}
   */
  async handle(req, ident, body) {
    const region = !ident.region || ident.region === "unknown" ? "us-east-1" : ident.region;
    const rs = this.#region(region);
    this.#settle(rs);
    const url = new URL(req.url ?? "/", "http://gateway.invalid");
    const seg = url.pathname.split("/").filter(Boolean).map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
    const q = url.searchParams;
    let input = {};
    if (body?.length) {
      try {
        input = JSON.parse(body.toString("utf8"));
      } catch {
        return errorResponse(new ApiError("SerializationException", "Request body is not valid JSON", 400));
      }
    }
    const ctx = { req, region, rs, seg, q, input, body };
    try {
      const fn = this[`op${ident.operation}`];
      if (typeof fn === "function") return await fn.call(this, ctx);
      return await this.#passThrough(ctx);
    } catch (err) {
      if (err instanceof ApiError) return errorResponse(err);
      throw err;
    }
  }

  /** Any other EKS call: moto's answer unchanged. */
  async #passThrough({ req, region, body }) {
    const r = await this.#moto(req, region, body);
    if (r.status >= 200 && r.status < 300) return ok(r.data);
    if (r.status >= 500 || r.status === 404) {
      if (!r.headers.get("x-amzn-errortype")) {
        // moto lacks the operation: keep its HTML answer so the gateway counts it as unimplemented.
        const b = Buffer.from(typeof r.data.message === "string" ? r.data.message : "");
        return { status: r.status, headers: { "Content-Type": "text/html", "Content-Length": String(b.length) }, body: b };
      }
    }
    throw EksSandbox.#motoError(r);
  }

  // ------------------------------------------------------------------ versions

  opDescribeClusterVersions({ q }) {
    const t = now();
    let list = EKS_CLUSTER_VERSIONS.map((v) => {
      const endExt = addYear(v.endOfStandardSupportDate);
      const vs = t < v.endOfStandardSupportDate ? "STANDARD_SUPPORT" : t < endExt ? "EXTENDED_SUPPORT" : "UNSUPPORTED";
      return {
        clusterVersion: v.clusterVersion,
        clusterType: "eks",
        defaultPlatformVersion: v.defaultPlatformVersion,
        defaultVersion: v.clusterVersion === EKS_DEFAULT_VERSION,
        releaseDate: secs(v.releaseDate),
        endOfStandardSupportDate: secs(v.endOfStandardSupportDate),
        endOfExtendedSupportDate: secs(endExt),
        status: vs === "STANDARD_SUPPORT" ? "standard-support" : vs === "EXTENDED_SUPPORT" ? "extended-support" : "unsupported",
        versionStatus: vs,
        kubernetesPatchVersion: v.kubernetesPatchVersion,
      };
    });
    const clusterType = q.get("clusterType");
    if (clusterType && clusterType !== "eks") list = [];
    if (q.get("defaultOnly") === "true") list = list.filter((v) => v.defaultVersion);
    const wanted = q.getAll("clusterVersions").flatMap((s) => s.split(",")).filter(Boolean);
    if (wanted.length) list = list.filter((v) => wanted.includes(v.clusterVersion));
    const vs = q.get("versionStatus");
    if (vs) list = list.filter((v) => v.versionStatus === vs);
    const st = q.get("status");
    if (st) list = list.filter((v) => v.status === st);
    return ok({ clusterVersions: list });
  }

  opDescribeAddonVersions({ q }) {
    const k8s = q.get("kubernetesVersion") || undefined;
    const name = q.get("addonName") || undefined;
    const types = q.getAll("types").flatMap((s) => s.split(",")).filter(Boolean);
    const publishers = q.getAll("publishers").flatMap((s) => s.split(",")).filter(Boolean);
    const owners = q.getAll("owners").flatMap((s) => s.split(",")).filter(Boolean);
    if (name && !addonEntry(name)) throw notFound(`Addon ${name} does not exist`, { addonName: name });
    let list = EKS_ADDONS.filter((a) => !name || a.addonName === name)
      .filter((a) => !types.length || types.includes(a.type))
      .filter(() => !publishers.length || publishers.includes("eks"))
      .filter(() => !owners.length || owners.includes("aws"))
      .map((a) => addonInfo(a, k8s))
      .filter((a) => a.addonVersions.length > 0);
    return this.#page(list, q, "addons");
  }

  opDescribeAddonConfiguration({ q }) {
    const name = q.get("addonName");
    const version = q.get("addonVersion");
    const entry = name ? addonEntry(name) : undefined;
    if (!entry) throw notFound(`Addon ${name} does not exist`, { addonName: name });
    if (!entry.versions.some((x) => x.v === version))
      throw invalidParam(`Addon version ${version} specified is not supported for addon ${name}`);
    const schema = {
      $ref: "#/definitions/AddonConfig",
      $schema: "http://json-schema.org/draft-07/schema#",
      definitions: { AddonConfig: { type: "object", additionalProperties: false, properties: ADDON_SCHEMA_PROPS[name] ?? {} } },
      description: `Configuration values for the ${name} add-on`,
    };
    return ok({
      addonName: name,
      addonVersion: version,
      configurationSchema: JSON.stringify(schema),
      podIdentityConfiguration: ADDON_POD_IDENTITY[name] ?? [],
    });
  }

  #page(list, q, key) {
    const max = q.get("maxResults") ? Number(q.get("maxResults")) : 100;
    if (!Number.isInteger(max) || max < 1 || max > 100) throw invalidParam("maxResults must be between 1 and 100");
    const start = q.get("nextToken") ? Number(Buffer.from(q.get("nextToken"), "base64url").toString()) : 0;
    if (!Number.isInteger(start) || start < 0) throw invalidParam("The nextToken is not valid");
    const page = list.slice(start, start + max);
    const next = start + max < list.length ? Buffer.from(String(start + max)).toString("base64url") : undefined;
    return ok({ [key]: page, ...(next ? { nextToken: next } : {}) });
  }

  // ------------------------------------------------------------------ clusters

  #clusterView(c, cluster, t = now()) {
    const out = clone(cluster);
    out.status = c.life.status(t);
    if (c.version) out.version = c.version;
    const info = versionInfo(out.version);
    if (info) out.platformVersion = info.defaultPlatformVersion;
    const vpc = (out.resourcesVpcConfig ??= {});
    vpc.subnetIds ??= [];
    vpc.securityGroupIds ??= [];
    vpc.endpointPublicAccess ??= true;
    vpc.endpointPrivateAccess ??= false;
    vpc.publicAccessCidrs ??= vpc.endpointPublicAccess ? ["0.0.0.0/0"] : [];
    if (c.vpcId) vpc.vpcId ??= c.vpcId;
    if (c.endpoint) out.endpoint = c.endpoint;
    if (c.issuer) out.identity = { oidc: { issuer: c.issuer } };
    out.kubernetesNetworkConfig = { ipFamily: "ipv4", ...(out.kubernetesNetworkConfig ?? {}) };
    if (c.certificateAuthority) out.certificateAuthority = { data: c.certificateAuthority };
    // AWS reports logging as one enabled and one disabled group covering all five types.
    const LOG_TYPES = ["api", "audit", "authenticator", "controllerManager", "scheduler"];
    const on = new Set();
    for (const g of out.logging?.clusterLogging ?? []) for (const ty of g.types ?? []) if (g.enabled) on.add(ty);
    out.logging = {
      clusterLogging: [
        { types: LOG_TYPES.filter((x) => on.has(x)), enabled: true },
        { types: LOG_TYPES.filter((x) => !on.has(x)), enabled: false },
      ].filter((g) => g.types.length),
    };
    vpc.clusterSecurityGroupId ??= c.clusterSecurityGroupId;
    out.health ??= { issues: [] };
    out.accessConfig ??= clone(c.accessConfig) ?? { authenticationMode: "CONFIG_MAP" };
    out.upgradePolicy ??= clone(c.upgradePolicy) ?? { supportType: "EXTENDED" };
    out.tags ??= {};
    return out;
  }

  async opCreateCluster({ req, region, rs, input, body }) {
    const t = now();
    const existing = rs.clusters.get(input.name);
    if (existing && !existing.life.gone(t))
      throw Object.assign(inUse(`Cluster already exists with name: ${input.name}`), { extra: { clusterName: input.name } });
    const version = input.version ?? EKS_DEFAULT_VERSION;
    if (!versionInfo(version)) throw invalidParam(`unsupported Kubernetes version ${version}`);
    const subnets = input.resourcesVpcConfig?.subnetIds ?? [];
    if (input.resourcesVpcConfig && subnets.length < 2)
      throw invalidParam("Subnets specified must be in at least two different AZs");
    const r = await this.#moto(req, region, body, { json: { ...input, version } });
    if (r.status !== 200) throw EksSandbox.#motoError(r);
    const c = new ClusterState(input.name, this.#paceMs);
    c.version = version;
    c.clusterSecurityGroupId = `sg-${randomUUID().replaceAll("-", "").slice(0, 17)}`;
    // moto gives every cluster the same endpoint and issuer; AWS gives each its own id, shared by both.
    const id = randomUUID().replaceAll("-", "").toUpperCase();
    c.endpoint = `https://${id}.gr7.${region}.eks.amazonaws.com`;
    // A PEM-shaped (not valid) CA certificate, base64 as AWS returns it, for kubeconfig files.
    const der = randomBytes(780).toString("base64").replace(/(.{64})/g, "$1\n");
    c.certificateAuthority = Buffer.from(`-----BEGIN CERTIFICATE-----\n${der}\n-----END CERTIFICATE-----\n`).toString("base64");
    c.issuer = `https://oidc.eks.${region}.amazonaws.com/id/${id}`;
    // AWS's defaults: authentication mode API_AND_CONFIG_MAP (what the console and current SDKs
    // create with), extended support on.
    c.accessConfig = { authenticationMode: input.accessConfig?.authenticationMode ?? "API_AND_CONFIG_MAP" };
    c.upgradePolicy = { supportType: input.upgradePolicy?.supportType ?? "EXTENDED" };
    c.vpcId = await this.#vpcOfSubnet(region, subnets[0]);
    rs.clusters.set(input.name, c);
    const view = this.#clusterView(c, r.data.cluster, t);
    c.life.last = view;
    return ok({ cluster: view });
  }

  /** Call moto's EC2 Query API directly (not counted); returns the XML text. */
  async #ec2(region, params) {
    const res = await fetch(this.#upstream + "/", {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
        Authorization: `AWS4-HMAC-SHA256 Credential=test/20260101/${region}/ec2/aws4_request, SignedHeaders=host, Signature=0`,
      },
      body: new URLSearchParams({ Version: "2016-11-15", ...params }).toString(),
      signal: AbortSignal.timeout(10_000),
    });
    return res.text();
  }

  async #vpcOfSubnet(region, subnetId) {
    if (!subnetId) return undefined;
    try {
      const m = /<vpcId>([^<]+)<\/vpcId>/.exec(await this.#ec2(region, { Action: "DescribeSubnets", "SubnetId.1": subnetId }));
      return m?.[1];
    } catch {
      return undefined;
    }
  }

  /**
   * Whether a subnet is public the way AWS means it: its route table (explicitly associated, else
   * the VPC's main one) sends 0.0.0.0/0 to an internet gateway; without any table,
   * MapPublicIpOnLaunch. Unknown subnets → null.
   */
  async #subnetPublic(region, subnetId) {
    const sub = await this.#ec2(region, { Action: "DescribeSubnets", "SubnetId.1": subnetId });
    const vpcId = /<vpcId>([^<]+)<\/vpcId>/.exec(sub)?.[1];
    if (!vpcId) return null;
    const toIgw = (xml) =>
      [...xml.matchAll(/<routeSet>([\s\S]*?)<\/routeSet>/g)].some((m) =>
        [...m[1].matchAll(/<item>([\s\S]*?)<\/item>/g)].some(
          (r) => r[1].includes("<destinationCidrBlock>0.0.0.0/0</destinationCidrBlock>") && /<gatewayId>igw-/.test(r[1]),
        ),
      );
    const hasTable = (xml) => /<routeTableId>/.test(xml);
    let rt = await this.#ec2(region, { Action: "DescribeRouteTables", "Filter.1.Name": "association.subnet-id", "Filter.1.Value.1": subnetId });
    if (!hasTable(rt))
      rt = await this.#ec2(region, {
        Action: "DescribeRouteTables",
        "Filter.1.Name": "vpc-id",
        "Filter.1.Value.1": vpcId,
        "Filter.2.Name": "association.main",
        "Filter.2.Value.1": "true",
      });
    if (hasTable(rt)) return toIgw(rt);
    return /<mapPublicIpOnLaunch>true<\/mapPublicIpOnLaunch>/.test(sub);
  }

  /** The cluster's state record, adopting clusters moto has that the gateway did not see created. */
  #adopt(rs, name, cluster) {
    let c = rs.clusters.get(name);
    if (!c || c.life.gone()) {
      c = new ClusterState(name, 0);
      c.version = cluster?.version && versionInfo(cluster.version) ? cluster.version : null;
      rs.clusters.set(name, c);
    }
    return c;
  }

  async opDescribeCluster({ req, region, rs, seg, body }) {
    const name = seg[1];
    const t = now();
    const c = rs.clusters.get(name);
    if (c && c.life.deleting(t)) return ok({ cluster: { ...c.life.last, status: "DELETING" } });
    const r = await this.#moto(req, region, body);
    if (r.status !== 200) throw EksSandbox.#motoError(r);
    const st = this.#adopt(rs, name, r.data.cluster);
    const view = this.#clusterView(st, r.data.cluster, t);
    st.life.last = view;
    return ok({ cluster: view });
  }

  async opListClusters({ req, region, rs, body }) {
    const r = await this.#moto(req, region, body);
    if (r.status !== 200) throw EksSandbox.#motoError(r);
    const t = now();
    const names = new Set(r.data.clusters ?? []);
    for (const c of rs.clusters.values()) if (c.life.deleting(t)) names.add(c.name);
    return ok({ ...r.data, clusters: [...names].sort() });
  }

  async opDeleteCluster({ req, region, rs, seg, body }) {
    const name = seg[1];
    const t = now();
    const c = rs.clusters.get(name);
    if (c && c.life.deleting(t)) throw clusterNotFound(name);
    if (c) {
      const busy = [...c.nodegroups.entries()].filter(([, n]) => !n.life.gone(t)).map(([k]) => k);
      if (busy.length)
        throw Object.assign(inUse(`Cluster has nodegroups attached`), { extra: { clusterName: name } });
      const profiles = [...c.fargate.entries()].filter(([, f]) => !f.life.gone(t)).map(([k]) => k);
      if (profiles.length)
        throw Object.assign(inUse(`Cluster has Fargate profiles attached: ${profiles.join(", ")}. Delete them first.`), {
          extra: { clusterName: name },
        });
    }
    const fps = await this.#moto(req, region, Buffer.alloc(0), { method: "GET", path: `/clusters/${encodeURIComponent(name)}/fargate-profiles` });
    if (fps.status === 200 && fps.data.fargateProfileNames?.length)
      throw Object.assign(inUse(`Cluster has Fargate profiles attached: ${fps.data.fargateProfileNames.join(", ")}. Delete them first.`), {
        extra: { clusterName: name },
      });
    // A cluster's add-ons go with it.
    const r = await this.#moto(req, region, body);
    if (r.status !== 200) throw EksSandbox.#motoError(r);
    const st = this.#adopt(rs, name, r.data.cluster);
    const view = this.#clusterView(st, r.data.cluster, t);
    st.life.startDelete(this.#paceMs, t);
    for (const a of st.addons.values()) if (a.life.deletingAt === null) a.life.startDelete(this.#paceMs, t);
    view.status = "DELETING";
    st.life.last = view;
    return ok({ cluster: view });
  }

  // ------------------------------------------------------------------ node groups

  #nodegroupView(c, n, ng, t = now()) {
    const out = clone(ng);
    out.status = n.life.status(t);
    out.version = n.version ?? out.version;
    out.releaseVersion = n.releaseVersion ?? out.releaseVersion;
    if (n.scalingConfig) out.scalingConfig = clone(n.scalingConfig);
    if (n.updateConfig) out.updateConfig = clone(n.updateConfig);
    out.health = { issues: [] };
    const res = (out.resources ??= {});
    res.autoScalingGroups ??= [{ name: `eks-${out.nodegroupName}-${randomUUID()}` }];
    // moto invents remoteAccess { ec2SshKey: "eksKeypair" } when none was asked for; AWS leaves it out.
    if (n.remoteAccess === false) {
      delete out.remoteAccess;
      delete res.remoteAccessSecurityGroup;
    }
    if (out.diskSize !== undefined) out.diskSize = Number(out.diskSize);
    if (out.launchTemplate && n.remoteAccess !== undefined && !n.diskSizeGiven) delete out.diskSize;
    out.labels ??= {};
    out.taints ??= [];
    if (n.tags) out.tags = clone(n.tags);
    return out;
  }

  #ngState(c, name, ng) {
    let n = c.nodegroups.get(name);
    if (!n || n.life.gone()) {
      n = { life: new Life(0), version: null, releaseVersion: null, scalingConfig: null, updateConfig: null };
      if (ng?.scalingConfig) n.scalingConfig = clone(ng.scalingConfig);
      c.nodegroups.set(name, n);
    }
    return n;
  }

  async opCreateNodegroup({ req, region, rs, seg, input, body }) {
    const t = now();
    const c = this.#cluster(rs, seg[1], { t, live: false });
    if (c.life.deletingAt !== null) throw clusterNotFound(seg[1]);
    const ex = c.nodegroups.get(input.nodegroupName);
    if (ex && !ex.life.gone(t))
      throw inUse(`NodeGroup already exists with name ${input.nodegroupName} and cluster name ${c.name}`);
    if (c.life.status(t) === "CREATING") throw invalidRequest(`Cluster '${c.name}' is not in ACTIVE status`);
    const scalingConfig = { minSize: 1, maxSize: 2, desiredSize: 2, ...(input.scalingConfig ?? {}) };
    validScaling(scalingConfig);
    const updateConfig = input.updateConfig ?? { maxUnavailable: 1 };
    validUpdateConfig(updateConfig);
    const clusterVersion = c.version ?? EKS_DEFAULT_VERSION;
    const version = input.version ?? clusterVersion;
    if (!versionInfo(version)) throw invalidParam(`Requested Nodegroup version ${version} is invalid`);
    if (minorOf(version) > minorOf(clusterVersion))
      throw invalidParam(`Requested Nodegroup version ${version} is greater than the cluster version ${clusterVersion}`);
    const amiType = input.amiType ?? "AL2023_x86_64_STANDARD";
    const r = await this.#moto(req, region, body, {
      json: { ...input, scalingConfig, updateConfig, version, amiType, releaseVersion: input.releaseVersion ?? releaseVersionFor(version, amiType) },
    });
    if (r.status !== 200) throw EksSandbox.#motoError(r);
    const n = {
      life: new Life(this.#paceMs, t),
      version,
      releaseVersion: input.releaseVersion ?? releaseVersionFor(version, amiType),
      scalingConfig,
      updateConfig,
      remoteAccess: Boolean(input.remoteAccess),
      diskSizeGiven: input.diskSize !== undefined,
    };
    c.nodegroups.set(input.nodegroupName, n);
    const view = this.#nodegroupView(c, n, r.data.nodegroup, t);
    n.asg = view.resources.autoScalingGroups;
    n.life.last = view;
    return ok({ nodegroup: view });
  }

  async opDescribeNodegroup({ req, region, rs, seg, body }) {
    const t = now();
    const c = rs.clusters.get(seg[1]);
    const held = c?.nodegroups.get(seg[3]);
    if (held && held.life.deleting(t)) return ok({ nodegroup: { ...clone(held.life.last), status: "DELETING" } });
    const r = await this.#moto(req, region, body);
    if (r.status !== 200) throw EksSandbox.#motoError(r);
    const st = this.#adopt(rs, seg[1]);
    const n = this.#ngState(st, seg[3], r.data.nodegroup);
    const view = this.#nodegroupView(st, n, r.data.nodegroup, t);
    n.life.last = view;
    return ok({ nodegroup: view });
  }

  async opListNodegroups({ req, region, rs, seg, body }) {
    const r = await this.#moto(req, region, body);
    if (r.status !== 200) throw EksSandbox.#motoError(r);
    const t = now();
    const names = new Set(r.data.nodegroups ?? []);
    const c = rs.clusters.get(seg[1]);
    for (const [k, n] of c?.nodegroups ?? []) if (n.life.deleting(t)) names.add(k);
    return ok({ ...r.data, nodegroups: [...names].sort() });
  }

  async opDeleteNodegroup({ req, region, rs, seg, body }) {
    const t = now();
    const c = rs.clusters.get(seg[1]);
    const held = c?.nodegroups.get(seg[3]);
    if (held && held.life.deleting(t))
      throw inUse(`Nodegroup ${seg[3]} is currently being deleted`);
    const r = await this.#moto(req, region, body);
    if (r.status !== 200) throw EksSandbox.#motoError(r);
    const st = this.#adopt(rs, seg[1]);
    const n = this.#ngState(st, seg[3], r.data.nodegroup);
    const view = this.#nodegroupView(st, n, r.data.nodegroup, t);
    n.life.startDelete(this.#paceMs, t);
    view.status = "DELETING";
    n.life.last = view;
    return ok({ nodegroup: view });
  }

  // ------------------------------------------------------------------ Fargate profiles

  #profileView(f, profile, t = now()) {
    const out = clone(profile);
    out.status = f.life.status(t) === "UPDATING" ? "ACTIVE" : f.life.status(t);
    out.health ??= { issues: [] };
    if (f.tags) out.tags = clone(f.tags);
    return out;
  }

  #fpState(c, name) {
    let f = c.fargate.get(name);
    if (!f || f.life.gone()) c.fargate.set(name, (f = { life: new Life(0) }));
    return f;
  }

  async opCreateFargateProfile({ req, region, rs, seg, input, body }) {
    const t = now();
    const c = this.#cluster(rs, seg[1], { t });
    const ex = c.fargate.get(input.fargateProfileName);
    if (ex && !ex.life.gone(t)) throw inUse(`A Fargate Profile already exists with this name in this cluster.`);
    if (c.life.status(t) === "CREATING") throw invalidRequest(`Cluster '${c.name}' is not in ACTIVE status`);
    const creating = [...c.fargate.values()].some((f) => f.life.status(t) === "CREATING" || f.life.deleting(t));
    if (creating) throw inUse(`Cannot create a Fargate profile while another profile is being created or deleted in cluster ${c.name}`);
    // Fargate runs pods in private subnets only; without subnets, the cluster's private ones are used.
    let subnets = input.subnets;
    if (!subnets?.length) {
      const cur = await this.#moto(req, region, Buffer.alloc(0), { method: "GET", path: `/clusters/${encodeURIComponent(c.name)}` });
      const all = cur.data.cluster?.resourcesVpcConfig?.subnetIds ?? [];
      subnets = [];
      for (const id of all) if ((await this.#subnetPublic(region, id)) === false) subnets.push(id);
      if (!subnets.length) throw invalidParam("No private subnets found in the cluster's VPC configuration for the Fargate profile");
    } else {
      for (const id of subnets) {
        const pub = await this.#subnetPublic(region, id);
        if (pub === null) throw invalidParam(`The subnet ID '${id}' does not exist`);
        if (pub) throw invalidParam(`Subnet ${id} provided in Fargate Profile is not a private subnet`);
      }
    }
    const r = await this.#moto(req, region, body, { json: { ...input, subnets } });
    if (r.status !== 200) throw EksSandbox.#motoError(r);
    const f = { life: new Life(this.#paceMs, t) };
    c.fargate.set(input.fargateProfileName, f);
    const view = this.#profileView(f, r.data.fargateProfile, t);
    f.life.last = view;
    return ok({ fargateProfile: view });
  }

  async opDescribeFargateProfile({ req, region, rs, seg, body }) {
    const t = now();
    const held = rs.clusters.get(seg[1])?.fargate.get(seg[3]);
    if (held && held.life.deleting(t)) return ok({ fargateProfile: { ...clone(held.life.last), status: "DELETING" } });
    const r = await this.#moto(req, region, body);
    if (r.status !== 200) throw EksSandbox.#motoError(r);
    const f = this.#fpState(this.#adopt(rs, seg[1]), seg[3]);
    const view = this.#profileView(f, r.data.fargateProfile, t);
    f.life.last = view;
    return ok({ fargateProfile: view });
  }

  async opListFargateProfiles({ req, region, rs, seg, body }) {
    const r = await this.#moto(req, region, body);
    if (r.status !== 200) throw EksSandbox.#motoError(r);
    const t = now();
    const names = new Set(r.data.fargateProfileNames ?? []);
    for (const [k, f] of rs.clusters.get(seg[1])?.fargate ?? []) if (f.life.deleting(t)) names.add(k);
    return ok({ ...r.data, fargateProfileNames: [...names].sort() });
  }

  async opDeleteFargateProfile({ req, region, rs, seg, body }) {
    const t = now();
    const c = rs.clusters.get(seg[1]);
    const held = c?.fargate.get(seg[3]);
    if (held && held.life.deleting(t)) throw inUse(`Fargate profile ${seg[3]} is currently being deleted`);
    const r = await this.#moto(req, region, body);
    if (r.status !== 200) throw EksSandbox.#motoError(r);
    const f = this.#fpState(this.#adopt(rs, seg[1]), seg[3]);
    const view = this.#profileView(f, r.data.fargateProfile, t);
    f.life.startDelete(this.#paceMs, t);
    view.status = "DELETING";
    f.life.last = view;
    return ok({ fargateProfile: view });
  }

  // ------------------------------------------------------------------ add-ons

  /** The live cluster (moto is asked, so clusters made before the gateway saw them count). */
  async #liveCluster(ctx, name) {
    const t = now();
    const c = ctx.rs.clusters.get(name);
    if (c && !c.life.gone(t) && c.life.deletingAt === null) return c;
    if (c && c.life.deletingAt !== null) throw clusterNotFound(name);
    const r = await this.#moto(ctx.req, ctx.region, Buffer.alloc(0), { method: "GET", path: `/clusters/${encodeURIComponent(name)}` });
    if (r.status !== 200) throw clusterNotFound(name);
    return this.#adopt(ctx.rs, name, r.data.cluster);
  }

  #addonView(c, a, t = now()) {
    return {
      addonName: a.addonName,
      clusterName: c.name,
      status: a.life.status(t),
      addonVersion: a.addonVersion,
      health: { issues: [] },
      addonArn: a.addonArn,
      createdAt: secs(a.life.createdAt),
      modifiedAt: secs(a.modifiedAt),
      ...(a.serviceAccountRoleArn ? { serviceAccountRoleArn: a.serviceAccountRoleArn } : {}),
      tags: clone(a.tags ?? {}),
      publisher: "eks",
      owner: "aws",
      ...(a.configurationValues ? { configurationValues: a.configurationValues } : {}),
      podIdentityAssociations: [],
    };
  }

  #addon(c, name, { t = now() } = {}) {
    const a = c.addons.get(name);
    if (!a || a.life.gone(t))
      throw notFound(`No addon: ${name} found in cluster: ${c.name}`, { clusterName: c.name, addonName: name });
    return a;
  }

  static #checkResolve(v) {
    if (v !== undefined && !["NONE", "OVERWRITE", "PRESERVE"].includes(v))
      throw invalidParam(`1 validation error detected: Value '${v}' at 'resolveConflicts' failed to satisfy constraint: Member must satisfy enum value set: [OVERWRITE, NONE, PRESERVE]`);
  }
  static #checkRole(v) {
    if (v !== undefined && !/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@\-/]{1,512}$/.test(v))
      throw invalidParam(`Service account role ARN ${v} is not valid`);
  }
  static #checkConfig(v) {
    if (v === undefined || v === "") return;
    try {
      JSON.parse(v);
    } catch {
      throw invalidParam("ConfigurationValue provided in request is not supported: Json schema validation failed");
    }
  }

  async opCreateAddon(ctx) {
    const { input, seg, region } = ctx;
    const t = now();
    const c = await this.#liveCluster(ctx, seg[1]);
    const name = input.addonName;
    if (!name) throw invalidParam("addonName is required");
    const existing = c.addons.get(name);
    if (existing && !existing.life.gone(t))
      throw Object.assign(inUse(`Addon already exists.`), { extra: { clusterName: c.name, addonName: name } });
    if (c.life.status(t) === "CREATING") throw invalidRequest(`Cluster '${c.name}' is not in ACTIVE status`);
    const k8s = c.version ?? EKS_DEFAULT_VERSION;
    const entry = addonEntry(name);
    if (!entry || !entry.versions.some((x) => x.k8s.includes(k8s)))
      throw invalidParam(`Addon ${name} specified is not supported in ${k8s} kubernetes version`);
    const addonVersion = input.addonVersion ?? defaultAddonVersion(entry, k8s);
    if (!compatible(entry, addonVersion, k8s))
      throw invalidParam(`Addon version specified is not supported in ${k8s} kubernetes version`);
    EksSandbox.#checkResolve(input.resolveConflicts);
    EksSandbox.#checkRole(input.serviceAccountRoleArn);
    EksSandbox.#checkConfig(input.configurationValues);
    const a = {
      addonName: name,
      addonVersion,
      addonArn: `arn:aws:eks:${region}:${SANDBOX_ACCOUNT}:addon/${c.name}/${name}/${randomUUID()}`,
      serviceAccountRoleArn: input.serviceAccountRoleArn,
      resolveConflicts: input.resolveConflicts ?? "NONE",
      configurationValues: input.configurationValues || undefined,
      tags: input.tags ?? {},
      life: new Life(this.#paceMs, t),
      modifiedAt: t,
    };
    c.addons.set(name, a);
    return ok({ addon: this.#addonView(c, a, t) });
  }

  async opDescribeAddon(ctx) {
    const c = await this.#liveCluster(ctx, ctx.seg[1]);
    return ok({ addon: this.#addonView(c, this.#addon(c, ctx.seg[3])) });
  }

  async opListAddons(ctx) {
    const c = await this.#liveCluster(ctx, ctx.seg[1]);
    const t = now();
    const names = [...c.addons.entries()].filter(([, a]) => !a.life.gone(t)).map(([k]) => k).sort();
    return this.#page(names, ctx.q, "addons");
  }

  async opUpdateAddon(ctx) {
    const { input, seg } = ctx;
    const t = now();
    const c = await this.#liveCluster(ctx, seg[1]);
    const a = this.#addon(c, seg[3], { t });
    const status = a.life.status(t);
    if (status !== "ACTIVE") throw inUse(`Addon ${a.addonName} is in ${status} state and cannot be updated`);
    const k8s = c.version ?? EKS_DEFAULT_VERSION;
    const entry = addonEntry(a.addonName);
    if (input.addonVersion !== undefined && !compatible(entry, input.addonVersion, k8s))
      throw invalidParam(`Addon version specified is not supported in ${k8s} kubernetes version`);
    EksSandbox.#checkResolve(input.resolveConflicts);
    if (input.serviceAccountRoleArn) EksSandbox.#checkRole(input.serviceAccountRoleArn);
    EksSandbox.#checkConfig(input.configurationValues);
    const params = [];
    if (input.addonVersion !== undefined) params.push({ type: "AddonVersion", value: input.addonVersion });
    if (input.serviceAccountRoleArn !== undefined) params.push({ type: "ServiceAccountRoleArn", value: input.serviceAccountRoleArn });
    if (input.resolveConflicts !== undefined) params.push({ type: "ResolveConflicts", value: input.resolveConflicts });
    if (input.configurationValues !== undefined) params.push({ type: "ConfigurationValues", value: input.configurationValues });
    // Role, conflicts and configuration are recorded at once; the new version shows when the update ends.
    if (input.serviceAccountRoleArn !== undefined) a.serviceAccountRoleArn = input.serviceAccountRoleArn || undefined;
    if (input.resolveConflicts !== undefined) a.resolveConflicts = input.resolveConflicts;
    if (input.configurationValues !== undefined) a.configurationValues = input.configurationValues || undefined;
    a.modifiedAt = t;
    const target = input.addonVersion;
    const u = newUpdate("AddonUpdate", params, this.#paceMs, () => {
      if (target !== undefined) a.addonVersion = target;
      a.modifiedAt = now();
    });
    a.life.updates.push(u);
    return ok({ update: updateView(u, t) });
  }

  async opDeleteAddon(ctx) {
    const { seg, q } = ctx;
    const t = now();
    const c = await this.#liveCluster(ctx, seg[1]);
    const a = this.#addon(c, seg[3], { t });
    if (a.life.deleting(t)) throw inUse(`Addon ${a.addonName} is already being deleted`);
    a.life.startDelete(this.#paceMs, t);
    a.preserve = q.get("preserve") === "true";
    a.modifiedAt = t;
    return ok({ addon: this.#addonView(c, a, t) });
  }

  // ------------------------------------------------------------------ tags

  /**
   * moto tags clusters only; node groups, Fargate profiles and add-ons keep their tags here.
   * Returns the record holding them, or null for a cluster ARN (moto's business).
   */
  async #taggable(ctx, arn) {
    const m = /^arn:aws[a-z-]*:eks:([^:]+):\d{12}:(nodegroup|fargateprofile|addon)\/([^/]+)\/([^/]+)\/.+$/.exec(arn ?? "");
    if (!m) return null;
    const [, , kind, clusterName, name] = m;
    const missing = () => notFound("Resource was not found", {});
    const c = ctx.rs.clusters.get(clusterName);
    if (kind === "addon") {
      const a = c?.addons.get(name);
      if (!a || a.life.gone() || a.addonArn !== arn) throw missing();
      return a;
    }
    const path = `/clusters/${encodeURIComponent(clusterName)}/${kind === "nodegroup" ? "node-groups" : "fargate-profiles"}/${encodeURIComponent(name)}`;
    const r = await this.#moto(ctx.req, ctx.region, Buffer.alloc(0), { method: "GET", path });
    const rec = r.data.nodegroup ?? r.data.fargateProfile;
    if (r.status !== 200 || (rec.nodegroupArn ?? rec.fargateProfileArn) !== arn) throw missing();
    const st = this.#adopt(ctx.rs, clusterName);
    const holder = kind === "nodegroup" ? this.#ngState(st, name, rec) : this.#fpState(st, name);
    holder.tags ??= clone(rec.tags ?? {});
    return holder;
  }

  async opListTagsForResource(ctx) {
    const h = await this.#taggable(ctx, ctx.seg[1]);
    if (!h) return this.#passThrough(ctx);
    return ok({ tags: clone(h.tags ?? {}) });
  }

  async opTagResource(ctx) {
    const h = await this.#taggable(ctx, ctx.seg[1]);
    if (!h) return this.#passThrough(ctx);
    h.tags = { ...(h.tags ?? {}), ...(ctx.input.tags ?? {}) };
    return ok({});
  }

  async opUntagResource(ctx) {
    const h = await this.#taggable(ctx, ctx.seg[1]);
    if (!h) return this.#passThrough(ctx);
    const keys = ctx.q.getAll("tagKeys").flatMap((k) => k.split(","));
    h.tags = Object.fromEntries(Object.entries(h.tags ?? {}).filter(([k]) => !keys.includes(k)));
    return ok({});
  }

  // ------------------------------------------------------------------ updates

  async opUpdateClusterVersion(ctx) {
    const { input, seg, req, region } = ctx;
    const t = now();
    const c = await this.#liveCluster(ctx, seg[1]);
    const status = c.life.status(t);
    if (status === "UPDATING") throw inUse(`Update already in progress`);
    if (status !== "ACTIVE") throw invalidRequest(`Cluster '${c.name}' is not in ACTIVE status`);
    const current = c.version ?? EKS_DEFAULT_VERSION;
    const target = input.version;
    if (!target) throw invalidParam("version is required");
    if (!versionInfo(target) || minorOf(target) !== minorOf(current) + 1)
      throw invalidParam(`Unsupported Kubernetes minor version update from ${current} to ${target}`);
    const u = newUpdate(
      "VersionUpdate",
      [
        { type: "Version", value: target },
        { type: "PlatformVersion", value: versionInfo(target).defaultPlatformVersion },
      ],
      this.#paceMs,
      () => {
        c.version = target;
      },
    );
    c.life.updates.push(u);
    void req;
    void region;
    return ok({ update: updateView(u, t) });
  }

  async opUpdateClusterConfig(ctx) {
    const { input, seg, req, region } = ctx;
    const t = now();
    const c = await this.#liveCluster(ctx, seg[1]);
    const status = c.life.status(t);
    if (status === "UPDATING") throw inUse(`Update already in progress`);
    if (status !== "ACTIVE") throw invalidRequest(`Cluster '${c.name}' is not in ACTIVE status`);
    const cur = await this.#moto(req, region, Buffer.alloc(0), { method: "GET", path: `/clusters/${encodeURIComponent(c.name)}` });
    if (cur.status !== 200) throw EksSandbox.#motoError(cur);
    const vpcNow = this.#clusterView(c, cur.data.cluster, t).resourcesVpcConfig;
    const params = [];
    let type;
    const json = {};
    const kinds = [input.logging, input.resourcesVpcConfig].filter(Boolean).length;
    if (kinds === 0) throw invalidParam("No changes needed for the logging config provided");
    if (kinds > 1) throw invalidParam("Only one type of update can be allowed.");
    if (input.logging) {
      type = "LoggingUpdate";
      const types = ["api", "audit", "authenticator", "controllerManager", "scheduler"];
      for (const s of input.logging.clusterLogging ?? [])
        for (const ty of s.types ?? [])
          if (!types.includes(ty)) throw invalidParam(`Invalid logging type ${ty}`);
      // Merge: types not mentioned keep their current setting.
      const state = new Map();
      for (const s of cur.data.cluster.logging?.clusterLogging ?? []) for (const ty of s.types ?? []) state.set(ty, Boolean(s.enabled));
      for (const s of input.logging.clusterLogging ?? []) for (const ty of s.types ?? []) state.set(ty, Boolean(s.enabled));
      const on = types.filter((x) => state.get(x) === true);
      const off = types.filter((x) => state.get(x) !== true);
      json.logging = { clusterLogging: [{ types: on, enabled: true }, { types: off, enabled: false }].filter((s) => s.types.length) };
      params.push({ type: "ClusterLogging", value: JSON.stringify(input.logging.clusterLogging ?? []) });
    } else {
      const v = input.resourcesVpcConfig;
      const endpointish = ["endpointPublicAccess", "endpointPrivateAccess", "publicAccessCidrs"].some((k) => v[k] !== undefined);
      const vpcish = ["subnetIds", "securityGroupIds"].some((k) => v[k] !== undefined);
      if (endpointish && vpcish) throw invalidParam("Only one type of update can be allowed.");
      const merged = { ...vpcNow, ...v };
      if (endpointish) {
        type = "EndpointAccessUpdate";
        if (merged.endpointPublicAccess === false && merged.endpointPrivateAccess === false)
          throw invalidParam("Cluster must have either private or public endpoint access or both");
        if (v.endpointPublicAccess === false && v.publicAccessCidrs === undefined) merged.publicAccessCidrs = [];
        if (merged.endpointPublicAccess && (!merged.publicAccessCidrs || merged.publicAccessCidrs.length === 0))
          merged.publicAccessCidrs = ["0.0.0.0/0"];
        if (v.endpointPublicAccess !== undefined) params.push({ type: "EndpointPublicAccess", value: String(v.endpointPublicAccess) });
        if (v.endpointPrivateAccess !== undefined) params.push({ type: "EndpointPrivateAccess", value: String(v.endpointPrivateAccess) });
        if (v.publicAccessCidrs !== undefined) params.push({ type: "PublicAccessCidrs", value: JSON.stringify(v.publicAccessCidrs) });
      } else {
        type = "VpcConfigUpdate";
        if (v.subnetIds !== undefined) params.push({ type: "Subnets", value: JSON.stringify(v.subnetIds) });
        if (v.securityGroupIds !== undefined) params.push({ type: "SecurityGroups", value: JSON.stringify(v.securityGroupIds) });
      }
      json.resourcesVpcConfig = merged;
    }
    // moto stores the new configuration at once; the update reports InProgress for the pace.
    const r = await this.#moto(req, region, Buffer.alloc(0), { method: "POST", path: `/clusters/${encodeURIComponent(c.name)}/update-config`, json });
    if (r.status !== 200) throw EksSandbox.#motoError(r);
    const u = newUpdate(type, params, this.#paceMs);
    c.life.updates.push(u);
    return ok({ update: updateView(u, t) });
  }

  async opUpdateNodegroupConfig(ctx) {
    const { input, seg, req, region, body } = ctx;
    const t = now();
    const c = await this.#liveCluster(ctx, seg[1]);
    const held = c.nodegroups.get(seg[3]);
    if (held && held.life.deleting(t)) throw notFound(`No node group found for name: ${seg[3]}.`, { clusterName: c.name, nodegroupName: seg[3] });
    const cur = await this.#moto(req, region, Buffer.alloc(0), { method: "GET", path: `/clusters/${encodeURIComponent(c.name)}/node-groups/${encodeURIComponent(seg[3])}` });
    if (cur.status !== 200) throw EksSandbox.#motoError(cur);
    const n = this.#ngState(c, seg[3], cur.data.nodegroup);
    const status = n.life.status(t);
    if (status !== "ACTIVE") throw inUse(`Nodegroup cannot be updated as it is currently not in Active State`);
    const params = [];
    const sc = input.scalingConfig ? { ...(n.scalingConfig ?? cur.data.nodegroup.scalingConfig), ...input.scalingConfig } : null;
    if (sc) validScaling(sc);
    if (input.updateConfig) validUpdateConfig(input.updateConfig);
    if (!input.scalingConfig && !input.labels && !input.taints && !input.updateConfig && !input.nodeRepairConfig)
      throw invalidParam("No changes needed for the nodegroup config provided");
    const r = await this.#moto(req, region, body, { json: { ...input, ...(sc ? { scalingConfig: sc } : {}) } });
    if (r.status !== 200) throw EksSandbox.#motoError(r);
    if (sc) {
      n.scalingConfig = sc;
      for (const [k, ty] of [["minSize", "MinSize"], ["maxSize", "MaxSize"], ["desiredSize", "DesiredSize"]])
        if (input.scalingConfig[k] !== undefined) params.push({ type: ty, value: String(input.scalingConfig[k]) });
    }
    if (input.labels?.addOrUpdateLabels) params.push({ type: "LabelsToAdd", value: JSON.stringify(input.labels.addOrUpdateLabels) });
    if (input.labels?.removeLabels) params.push({ type: "LabelsToRemove", value: JSON.stringify(input.labels.removeLabels) });
    if (input.taints?.addOrUpdateTaints) params.push({ type: "TaintsToAdd", value: JSON.stringify(input.taints.addOrUpdateTaints) });
    if (input.taints?.removeTaints) params.push({ type: "TaintsToRemove", value: JSON.stringify(input.taints.removeTaints) });
    if (input.updateConfig) {
      n.updateConfig = clone(input.updateConfig);
      if (input.updateConfig.maxUnavailable !== undefined) params.push({ type: "MaxUnavailable", value: String(input.updateConfig.maxUnavailable) });
      if (input.updateConfig.maxUnavailablePercentage !== undefined)
        params.push({ type: "MaxUnavailablePercentage", value: String(input.updateConfig.maxUnavailablePercentage) });
    }
    if (input.nodeRepairConfig) params.push({ type: "NodeRepairEnabled", value: String(Boolean(input.nodeRepairConfig.enabled)) });
    const u = newUpdate("ConfigUpdate", params, this.#paceMs);
    n.life.updates.push(u);
    return ok({ update: updateView(u, t) });
  }

  async opUpdateNodegroupVersion(ctx) {
    const { input, seg, req, region } = ctx;
    const t = now();
    const c = await this.#liveCluster(ctx, seg[1]);
    const held = c.nodegroups.get(seg[3]);
    if (held && held.life.deleting(t)) throw notFound(`No node group found for name: ${seg[3]}.`, { clusterName: c.name, nodegroupName: seg[3] });
    const cur = await this.#moto(req, region, Buffer.alloc(0), { method: "GET", path: `/clusters/${encodeURIComponent(c.name)}/node-groups/${encodeURIComponent(seg[3])}` });
    if (cur.status !== 200) throw EksSandbox.#motoError(cur);
    const n = this.#ngState(c, seg[3], cur.data.nodegroup);
    if (n.life.status(t) !== "ACTIVE") throw inUse(`Nodegroup cannot be updated as it is currently not in Active State`);
    const clusterVersion = c.version ?? EKS_DEFAULT_VERSION;
    const from = n.version ?? cur.data.nodegroup.version;
    const target = input.version ?? clusterVersion;
    if (!versionInfo(target)) throw invalidParam(`Requested Nodegroup version ${target} is invalid`);
    if (minorOf(target) > minorOf(clusterVersion))
      throw invalidParam(`Requested Nodegroup version ${target} is greater than the cluster version ${clusterVersion}`);
    if (minorOf(target) < minorOf(from)) throw invalidParam(`Requested Nodegroup version ${target} is lower than the current version ${from}`);
    const amiType = cur.data.nodegroup.amiType;
    const release = input.releaseVersion ?? releaseVersionFor(target, amiType);
    const params = [
      { type: "Version", value: target },
      { type: "ReleaseVersion", value: release },
    ];
    const u = newUpdate("VersionUpdate", params, this.#paceMs, () => {
      n.version = target;
      n.releaseVersion = release;
    });
    n.life.updates.push(u);
    return ok({ update: updateView(u, t) });
  }

  /** The update list a ListUpdates / DescribeUpdate call points at. */
  async #updatesOf(ctx) {
    const c = await this.#liveCluster(ctx, ctx.seg[1]);
    const ng = ctx.q.get("nodegroupName");
    const addon = ctx.q.get("addonName");
    if (ng) {
      const t = now();
      const n = c.nodegroups.get(ng);
      if (n && !n.life.gone(t)) return n.life.updates;
      const cur = await this.#moto(ctx.req, ctx.region, Buffer.alloc(0), { method: "GET", path: `/clusters/${encodeURIComponent(c.name)}/node-groups/${encodeURIComponent(ng)}` });
      if (cur.status !== 200) throw notFound(`No node group found for name: ${ng}.`, { clusterName: c.name, nodegroupName: ng });
      return this.#ngState(c, ng, cur.data.nodegroup).life.updates;
    }
    if (addon) return this.#addon(c, addon).life.updates;
    return c.life.updates;
  }

  async opListUpdates(ctx) {
    const list = await this.#updatesOf(ctx);
    const ids = [...list].sort((a, b) => b.createdAt - a.createdAt).map((u) => u.id);
    return this.#page(ids, ctx.q, "updateIds");
  }

  async opDescribeUpdate(ctx) {
    const list = await this.#updatesOf(ctx);
    const id = ctx.seg[3];
    const u = list.find((x) => x.id === id);
    if (!u) throw notFound(`No update found for ID: ${id}`, { clusterName: ctx.seg[1] });
    return ok({ update: updateView(u) });
  }
}
