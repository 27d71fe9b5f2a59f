// IAM eventual consistency, behind a switch. Real EC2 refuses an instance profile for about ten
// seconds after IAM creates it (RunInstances: InvalidParameterValue "Value (…) for parameter
// iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name"); moto sees it at once.
// With `POST /_sandbox/iam-propagation {"delayMs": N}` the gateway refuses RunInstances like EC2
// does while the named profile (or the role added to it) is younger than N ms. Off (0) by
// default and after every reset, so nothing else sees the delay.
import { buildFaultResponse } from "./faults.mjs";

const MAX_DELAY_MS = 120_000;

export class IamPropagation {
  constructor({ now = () => Date.now() } = {}) {
    this.now = now;
    this.delayMs = 0;
    /** Instance profile name → when IAM last created it or added a role to it. */
    this.touched = new Map();
    this.refused = 0;
  }

  reset() {
    this.delayMs = 0;
    this.touched.clear();
    this.refused = 0;
  }

  configure(input) {
    const delayMs = Number(input?.delayMs);
    if (!Number.isInteger(delayMs) || delayMs < 0 || delayMs > MAX_DELAY_MS) throw new Error(`delayMs must be an integer from 0 to ${MAX_DELAY_MS}`);
    this.delayMs = delayMs;
    return this.state();
  }

  state() {
    return { delayMs: this.delayMs, refused: this.refused };
  }

  /** Notes the profiles IAM creates or changes; refuses RunInstances on a profile EC2 would not see yet. */
  check(ident, body) {
    if (!this.delayMs) return null;
    const params = new URLSearchParams(body.toString("utf8"));
    if (ident.service === "iam" && (ident.operation === "CreateInstanceProfile" || ident.operation === "AddRoleToInstanceProfile")) {
      const name = params.get("InstanceProfileName");
      if (name) this.touched.set(name, this.now());
      return null;
    }
    if (ident.service !== "ec2" || ident.operation !== "RunInstances") return null;
    const name = params.get("IamInstanceProfile.Name") ?? (params.get("IamInstanceProfile.Arn") ?? "").split("/").at(-1);
    const at = name ? this.touched.get(name) : undefined;
    if (at === undefined || this.now() - at >= this.delayMs) return null;
    this.refused++;
    return buildFaultResponse("server_error", ident, {
      code: "InvalidParameterValue",
      status: 400,
      message: `Value (${name}) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name`,
    });
  }
}
