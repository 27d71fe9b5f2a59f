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
