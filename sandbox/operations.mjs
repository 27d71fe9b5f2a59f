// Identify which AWS service, operation and region an incoming SDK request is for.
//
// Pure functions (no I/O) so they can be unit tested without moto. The gateway calls
// `identifyRequest()` once per proxied request with the fully buffered body.

/** JSON-protocol X-Amz-Target prefixes → SigV4 signing name (used when a request is unsigned). */
const TARGET_PREFIX_SERVICE = {
  AmazonEC2ContainerServiceV20141113: "ecs",
  AmazonEC2ContainerRegistry_V20150921: "ecr",
  Logs_20140328: "logs",
  AppRunner: "apprunner",
  AWSEvents: "events",
  AnyScaleFrontendService: "application-autoscaling",
  AmazonSQS: "sqs",
  secretsmanager: "secretsmanager",
  AmazonSSM: "ssm",
  DynamoDB_20120810: "dynamodb",
  TrentService: "kms",
  GraniteServiceVersion20100801: "monitoring",
  AWSCognitoIdentityService: "cognito-identity",
  AWSStepFunctions: "states",
  Kinesis_20131202: "kinesis",
  ResourceGroupsTaggingAPI_20170126: "tagging",
  CertificateManager: "acm",
  AmazonEventBridgeScheduler: "scheduler",
};

/** Query-protocol actions that are sent unsigned (so no credential scope to read). */
const UNSIGNED_QUERY_ACTIONS = {
  AssumeRoleWithWebIdentity: "sts",
  AssumeRoleWithSAML: "sts",
};

/** Services whose REST protocol is XML rather than JSON (affects fault bodies). */
const REST_XML_SERVICES = new Set(["s3", "route53", "cloudfront"]);

/**
 * REST route tables: [METHOD, "/path/{label}/...", OperationName]. Labels match one path
 * segment (URI labels are percent-encoded, so an ARN with "/" is still one segment).
 */
const REST_ROUTES = {
  eks: [
    ["POST", "/clusters", "CreateCluster"],
    ["GET", "/clusters", "ListClusters"],
    ["GET", "/clusters/{name}", "DescribeCluster"],
    ["DELETE", "/clusters/{name}", "DeleteCluster"],
    ["POST", "/clusters/{name}/update-config", "UpdateClusterConfig"],
    ["POST", "/clusters/{name}/updates", "UpdateClusterVersion"],
    ["GET", "/clusters/{name}/updates", "ListUpdates"],
    ["GET", "/clusters/{name}/updates/{updateId}", "DescribeUpdate"],
    ["POST", "/clusters/{name}/node-groups", "CreateNodegroup"],
    ["GET", "/clusters/{name}/node-groups", "ListNodegroups"],
    ["GET", "/clusters/{name}/node-groups/{nodegroupName}", "DescribeNodegroup"],
    ["DELETE", "/clusters/{name}/node-groups/{nodegroupName}", "DeleteNodegroup"],
    ["POST", "/clusters/{name}/node-groups/{nodegroupName}/update-config", "UpdateNodegroupConfig"],
    ["POST", "/clusters/{name}/node-groups/{nodegroupName}/update-version", "UpdateNodegroupVersion"],
    ["POST", "/clusters/{name}/fargate-profiles", "CreateFargateProfile"],
    ["GET", "/clusters/{name}/fargate-profiles", "ListFargateProfiles"],
    ["GET", "/clusters/{name}/fargate-profiles/{fargateProfileName}", "DescribeFargateProfile"],
    ["DELETE", "/clusters/{name}/fargate-profiles/{fargateProfileName}", "DeleteFargateProfile"],
    ["POST", "/clusters/{name}/addons", "CreateAddon"],
    ["GET", "/clusters/{name}/addons", "ListAddons"],
    ["GET", "/clusters/{name}/addons/{addonName}", "DescribeAddon"],
    ["DELETE", "/clusters/{name}/addons/{addonName}", "DeleteAddon"],
    ["POST", "/clusters/{name}/addons/{addonName}/update", "UpdateAddon"],
    ["GET", "/addons/supported-versions", "DescribeAddonVersions"],
    ["GET", "/addons/configuration-schemas", "DescribeAddonConfiguration"],
    ["GET", "/cluster-versions", "DescribeClusterVersions"],
    ["POST", "/clusters/{name}/access-entries", "CreateAccessEntry"],
    ["GET", "/clusters/{name}/access-entries", "ListAccessEntries"],
    ["GET", "/clusters/{name}/access-entries/{principalArn}", "DescribeAccessEntry"],
    ["POST", "/clusters/{name}/access-entries/{principalArn}", "UpdateAccessEntry"],
    ["DELETE", "/clusters/{name}/access-entries/{principalArn}", "DeleteAccessEntry"],
    ["POST", "/clusters/{name}/access-entries/{principalArn}/access-policies", "AssociateAccessPolicy"],
    ["GET", "/clusters/{name}/access-entries/{principalArn}/access-policies", "ListAssociatedAccessPolicies"],
    ["DELETE", "/clusters/{name}/access-entries/{principalArn}/access-policies/{policyArn}", "DisassociateAccessPolicy"],
    ["GET", "/access-policies", "ListAccessPolicies"],
    ["GET", "/tags/{resourceArn}", "ListTagsForResource"],
    ["POST", "/tags/{resourceArn}", "TagResource"],
    ["DELETE", "/tags/{resourceArn}", "UntagResource"],
  ],
  scheduler: [
    ["POST", "/schedules/{Name}", "CreateSchedule"],
    ["GET", "/schedules/{Name}", "GetSchedule"],
    ["PUT", "/schedules/{Name}", "UpdateSchedule"],
    ["DELETE", "/schedules/{Name}", "DeleteSchedule"],
    ["GET", "/schedules", "ListSchedules"],
    ["POST", "/schedule-groups/{Name}", "CreateScheduleGroup"],
    ["GET", "/schedule-groups/{Name}", "GetScheduleGroup"],
    ["DELETE", "/schedule-groups/{Name}", "DeleteScheduleGroup"],
    ["GET", "/schedule-groups", "ListScheduleGroups"],
    ["GET", "/tags/{ResourceArn}", "ListTagsForResource"],
    ["POST", "/tags/{ResourceArn}", "TagResource"],
    ["DELETE", "/tags/{ResourceArn}", "UntagResource"],
  ],
};

/** Path prefixes that identify a REST service when the request is unsigned. */
const REST_PATH_SERVICE = [
  [/^\/(clusters|cluster-versions|addons|access-policies)(\/|$)/, "eks"],
  [/^\/(schedules|schedule-groups)(\/|$)/, "scheduler"],
];

/**
 * Parse a SigV4 / SigV4a credential scope.
 * "AKID/20261122/us-east-1/ecs/aws4_request" → { region: "us-east-1", service: "ecs" }
 * "AKID/20261122/ecs/aws4_request" (SigV4a, no region) → { service: "ecs" }
 */
export function parseCredentialScope(credential) {
  if (!credential) return null;
  const parts = credential.trim().split("/");
  if (parts.at(-1) !== "aws4_request") return null;
  if (parts.length >= 5) return { region: parts.at(-3), service: parts.at(-2) };
  if (parts.length === 4) return { region: undefined, service: parts[2] };
  return null;
}

function scopeFromHeaders(headers, searchParams) {
  const auth = headers["authorization"];
  if (typeof auth === "string") {
    const m = /Credential=([^,\s]+)/.exec(auth);
    const scope = m && parseCredentialScope(m[1]);
    if (scope) return scope;
  }
  const presigned = searchParams.get("X-Amz-Credential");
  if (presigned) return parseCredentialScope(presigned);
  return null;
}

function serviceFromHost(host) {
  if (!host) return null;
  const name = host.split(":")[0].toLowerCase();
  // ecs.us-east-1.amazonaws.com, sts.amazonaws.com, bucket.s3.us-east-1.amazonaws.com
  const m = /(?:^|\.)([a-z0-9-]+)\.(?:([a-z]{2}(?:-gov)?-[a-z]+-\d)\.)?amazonaws\.com(?:\.cn)?$/.exec(name);
  return m ? { service: m[1], region: m[2] } : null;
}

/** Match a route template against a path; returns true when every literal segment agrees. */
function matchRoute(template, segments) {
  const t = template.split("/").filter(Boolean);
  if (t.length !== segments.length) return false;
  for (let i = 0; i < t.length; i++) {
    if (t[i].startsWith("{")) continue;
    if (t[i] !== segments[i]) return false;
  }
  return true;
}

/**
 * Generic REST path template for operations without a route table: literal-looking segments
 * (lowercase words, API version dates) are kept, anything after a collection word becomes {id}.
 * "/2015-03-31/functions/my-fn/invocations" → "/2015-03-31/functions/{id}/invocations"
 */
export function templatePath(pathname) {
  const segs = pathname.split("/").filter(Boolean);
  let afterCollection = false;
  const out = segs.map((raw) => {
    let s = raw;
    try {
      s = decodeURIComponent(raw);
    } catch {}
    if (/^\d{4}-\d{2}-\d{2}$/.test(s)) {
      afterCollection = false;
      return s;
    }
    if (!afterCollection && /^[a-z][a-z-]*$/.test(s) && s.length <= 40) {
      afterCollection = true;
      return s;
    }
    afterCollection = false;
    return "{id}";
  });
  return "/" + out.join("/");
}

function s3Operation(method, segments, searchParams, headers) {
  const sub = [...searchParams.keys()].find((k) => searchParams.get(k) === "" && !k.startsWith("X-Amz-"));
  if (segments.length === 0) return method === "GET" ? "ListBuckets" : `${method} /`;
  if (segments.length === 1) {
    if (sub) return `${method} /{Bucket}?${sub}`;
    if (method === "PUT") return "CreateBucket";
    if (method === "HEAD") return "HeadBucket";
    if (method === "DELETE") return "DeleteBucket";
    if (method === "GET") return searchParams.get("list-type") === "2" ? "ListObjectsV2" : "ListObjects";
    return `${method} /{Bucket}`;
  }
  if (sub) return `${method} /{Bucket}/{Key+}?${sub}`;
  if (method === "PUT") return headers["x-amz-copy-source"] ? "CopyObject" : "PutObject";
  if (method === "GET") return "GetObject";
  if (method === "HEAD") return "HeadObject";
  if (method === "DELETE") return "DeleteObject";
  return `${method} /{Bucket}/{Key+}`;
}

function isFormBody(headers, body) {
  const ct = String(headers["content-type"] ?? "").toLowerCase();
  if (ct.includes("application/x-www-form-urlencoded")) return true;
  if (!ct && body && body.length < 1_000_000) return /^[A-Za-z]+=/.test(body.subarray(0, 64).toString("latin1"));
  return false;
}

/**
 * @param {{ method: string, url: string, headers: Record<string, string | string[] | undefined> }} req
 *   Node request-like object (headers lowercased, as Node gives them).
 * @param {Buffer} body fully buffered request body
 * @returns {{ service: string, operation: string, region: string, protocol: "json"|"query"|"ec2"|"rest-json"|"rest-xml"|"cbor", queryCompatible: boolean }}
 */
export function identifyRequest(req, body = Buffer.alloc(0)) {
  const method = (req.method ?? "GET").toUpperCase();
  const headers = req.headers ?? {};
  const url = new URL(req.url ?? "/", "http://gateway.invalid");
  const pathname = url.pathname;
  const searchParams = url.searchParams;

  const scope = scopeFromHeaders(headers, searchParams);
  const hostInfo = serviceFromHost(headers["host"]);
  let service = scope?.service ?? null;
  let region = scope?.region ?? hostInfo?.region ?? null;
  let operation = null;
  let protocol = null;
  const queryCompatible = String(headers["x-amzn-query-mode"] ?? "").toLowerCase() === "true";

  const target = headers["x-amz-target"];
  const cbor = /^\/service\/([^/]+)\/operation\/([^/?]+)$/.exec(pathname);
  const isCbor =
    cbor &&
    (String(headers["smithy-protocol"] ?? "").toLowerCase() === "rpc-v2-cbor" ||
      String(headers["content-type"] ?? "").toLowerCase().startsWith("application/cbor") ||
      method === "POST");

  if (typeof target === "string" && target.length > 0) {
    // JSON protocol: "AmazonEC2ContainerServiceV20141113.CreateCluster"
    const dot = target.lastIndexOf(".");
    operation = dot >= 0 ? target.slice(dot + 1) : target;
    protocol = "json";
    service ??= TARGET_PREFIX_SERVICE[dot >= 0 ? target.slice(0, dot) : target] ?? null;
  } else if (isCbor) {
    // Smithy RPC v2 CBOR: /service/GraniteServiceVersion20100801/operation/GetMetricData
    operation = decodeURIComponent(cbor[2]);
    protocol = "cbor";
    service ??= TARGET_PREFIX_SERVICE[decodeURIComponent(cbor[1])] ?? null;
  } else {
    let action = searchParams.get("Action");
    if (!action && method === "POST" && isFormBody(headers, body)) {
      const form = new URLSearchParams(body.toString("utf8"));
      action = form.get("Action");
    }
    if (action) {
      operation = action;
      service ??= UNSIGNED_QUERY_ACTIONS[action] ?? hostInfo?.service ?? null;
      protocol = service === "ec2" ? "ec2" : "query";
    }
  }

  if (!service) service = hostInfo?.service ?? null;
  if (!service && !operation) {
    for (const [re, svc] of REST_PATH_SERVICE) if (re.test(pathname)) service = svc;
  }
  service ??= "unknown";

  if (!operation) {
    protocol = REST_XML_SERVICES.has(service) ? "rest-xml" : "rest-json";
    const segments = pathname.split("/").filter(Boolean);
    if (service === "s3") {
      operation = s3Operation(method, segments, searchParams, headers);
    } else {
      const route = (REST_ROUTES[service] ?? []).find(
        ([m, tpl]) => m === method && matchRoute(tpl, segments),
      );
      operation = route ? route[2] : `${method} ${templatePath(pathname)}`;
    }
  }

  return { service, operation, region: region ?? "unknown", protocol, queryCompatible };
}

export { REST_ROUTES, TARGET_PREFIX_SERVICE };
