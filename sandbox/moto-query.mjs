// moto's AWS Query APIs (EC2, ELBv2) called straight from the sandbox, bypassing the gateway's
// counters: for the sandbox's own reads and fixes, which no caller of the gateway should see.
const SERVICES = {
  ec2: { signing: "ec2", version: "2016-11-15", label: "EC2" },
  elbv2: { signing: "elasticloadbalancing", version: "2015-12-01", label: "ELBv2" },
};

/** POST one Query action to moto; returns the XML text, or throws with moto's answer. */
export async function motoQuery(upstream, region, service, params) {
  const { signing, version, label } = SERVICES[service];
  const res = await fetch(upstream + "/", {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
      Authorization: `AWS4-HMAC-SHA256 Credential=test/20260101/${region}/${signing}/aws4_request, SignedHeaders=host, Signature=0`,
    },
    body: new URLSearchParams({ Version: version, ...params }).toString(),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`moto ${label} ${params.Action} answered HTTP ${res.status}: ${text.slice(0, 200)}`);
  return text;
}

/**
 * POST one JSON-protocol operation to moto (ECR: `AmazonEC2ContainerRegistry_V20150921`, JSON
 * 1.1), bypassing the gateway's counters like motoQuery. Returns moto's status and parsed body.
 */
export async function motoJson(upstream, region, { target, signing, contentType = "application/x-amz-json-1.1" }, operation, input) {
  const res = await fetch(upstream + "/", {
    method: "POST",
    headers: {
      "Content-Type": contentType,
      "X-Amz-Target": `${target}.${operation}`,
      Authorization: `AWS4-HMAC-SHA256 Credential=test/20260101/${region}/${signing}/aws4_request, SignedHeaders=host, Signature=0`,
    },
    body: JSON.stringify(input),
    signal: AbortSignal.timeout(10_000),
  });
  return { ok: res.ok, data: await res.json().catch(() => ({})) };
}
