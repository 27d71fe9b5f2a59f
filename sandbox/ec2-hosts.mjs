// EC2 Docker hosts in the sandbox gateway. moto runs EC2 instances but no software on them: its
// GetConsoleOutput answers one fixed 2006 Xen boot log, its SSM SendCommand stores the command and
// GetCommandInvocation answers Success with empty output, and nothing writes container logs or
// instance metrics. The gateway makes a host Portside launched look alive, with AWS's shapes:
//
// - GetConsoleOutput: a boot log derived from the instance's user data (cloud-init running each
//   line of the script, Docker's install, the container id), base64 as EC2 sends it;
// - SendCommand / GetCommandInvocation: moto keeps the command; the invocation's
//   StandardOutputContent is what the AWS-RunShellScript commands would print (docker pull, rm,
//   run, ps);
// - RunInstances and a replacing SendCommand write the container's first log lines to the awslogs
//   group its `docker run` names, and RunInstances publishes AWS/EC2 CPUUtilization datapoints.
import { createHash, randomUUID } from "node:crypto";
import { motoJson, motoQuery } from "./moto-query.mjs";

const SSM_JSON = { target: "AmazonSSM", signing: "ssm" };
const LOGS_JSON = { target: "Logs_20140328", signing: "logs" };
const EC2_NS = "http://ec2.amazonaws.com/doc/2016-11-15/";

/** The words of one shell line as Portside writes them: bare words and '…' with '\'' (lib/hosts/user-data.ts). */
export function shellWords(line) {
  const words = [];
  let i = 0;
  while (i < line.length) {
    if (line[i] === " ") { i++; continue; }
    let word = "";
    while (i < line.length && line[i] !== " ") {
      if (line[i] === "'") {
        const end = line.indexOf("'", i + 1);
        if (end < 0) return words.concat(word + line.slice(i + 1));
        word += line.slice(i + 1, end);
        i = end + 1;
      } else if (line[i] === "\\" && line[i + 1] === "'") { word += "'"; i += 2; }
      else { word += line[i]; i++; }
    }
    words.push(word);
  }
  return words;
}

/** Splits a script into shell lines, keeping newlines inside '…' in their line. */
export function scriptLines(script) {
  const lines = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < script.length; i++) {
    const ch = script[i];
    if (!quoted && ch === "\\" && script[i + 1] === "'") { current += "\\'"; i++; continue; }
    if (ch === "'") quoted = !quoted;
    if (ch === "\n" && !quoted) { lines.push(current); current = ""; }
    else current += ch;
  }
  if (current) lines.push(current);
  return lines;
}

const hex = (seed, n) => createHash("sha256").update(seed).digest("hex").slice(0, n);

/** What a `docker run` line says about its container: name, image, ports, log group. */
export function dockerRun(words) {
  if (words[0] !== "docker" || words[1] !== "run") return null;
  const out = { name: "", image: "", publish: "", logGroup: "" };
  for (let i = 2; i < words.length; i++) {
    const w = words[i];
    if (w === "--name") out.name = words[++i] ?? "";
    else if (w === "--publish") out.publish = words[++i] ?? "";
    else if (w === "--log-opt") { const v = words[++i] ?? ""; if (v.startsWith("awslogs-group=")) out.logGroup = v.slice(14); }
    else if (w === "--detach") continue;
    else if (w.startsWith("--")) i++;
    else out.image = w;
  }
  return out;
}

/** What each line of a script prints when it runs, as `bash` with Docker would. */
export function outputOf(line, seed) {
  const words = shellWords(line.trim());
  if (words[0] === "docker") {
    const run = dockerRun(words);
    if (run) return [hex(`${seed}:${run.image}`, 64)];
    if (words[1] === "pull") return [`${words[2]}: Pulling from ${words[2].split(":")[0]}`, `Digest: sha256:${hex(words[2], 64)}`, `Status: Downloaded newer image for ${words[2]}`];
    if (words[1] === "rm") return [words.at(-2) === "||" ? words.at(-3) : words.at(-1)];
    if (words[1] === "ps") return ["CONTAINER ID   IMAGE     STATUS         NAMES", `${hex(seed, 12)}   running   Up 1 second    ${(words[3] ?? "").replace(/^name=\^?|\$$/g, "")}`];
  }
  if (line.includes("docker login")) return ["Login Succeeded"];
  if (words[0] === "dnf") return ["Installed:", "  docker-25.0.8-1.amzn2023.0.4.x86_64", "Complete!"];
  if (words[0] === "echo") return [words.slice(1).join(" ")];
  return [];
}

/** The serial console of an instance whose user data is `script`: kernel, cloud-init running it. */
export function consoleFor(instanceId, script, at = new Date()) {
  const lines = [
    "[    0.000000] Linux version 6.1.119-129.201.amzn2023.x86_64 (mockbuild@ip-10-0-50-167) #1 SMP",
    "[    0.000000] Command line: BOOT_IMAGE=(hd0,gpt1)/boot/vmlinuz root=UUID=ca2bd8e2 ro console=tty0 console=ttyS0,115200n8",
    "[  OK  ] Reached target cloud-init.target - Cloud-init target.",
    `[   12.104221] cloud-init[1851]: Cloud-init v. 22.2.2 running 'modules:final' at ${at.toUTCString()}.`,
  ];
  for (const line of scriptLines(script ?? "")) {
    const t = line.trim();
    if (!t || t.startsWith("#") || t.startsWith("set ")) continue;
    lines.push(`[   13.000000] cloud-init[1851]: + ${t.length > 300 ? `${t.slice(0, 300)}…` : t}`);
    for (const out of outputOf(t, instanceId)) lines.push(`[   14.000000] cloud-init[1851]: ${out}`);
  }
  lines.push(`[   21.040000] cloud-init[1851]: Cloud-init v. 22.2.2 finished at ${at.toUTCString()}. Datasource DataSourceEc2Local.  Up 21.04 seconds`);
  lines.push("", "Amazon Linux 2023.6.20241212", `Kernel 6.1.119-129.201.amzn2023.x86_64 on an x86_64 (-)`, "", `ip-10-0-1-10 login: `);
  return lines.join("\n");
}

const xmlEscape = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function reply(status, contentType, text) {
  const body = Buffer.from(text);
  return { status, headers: { "Content-Type": contentType, "Content-Length": String(body.length), "x-amzn-RequestId": randomUUID() }, body };
}

export class Ec2Hosts {
  constructor({ upstream }) {
    this.upstream = upstream;
    /** CommandId → { commands, instanceIds } of every SendCommand since the last reset. */
    this.commands = new Map();
  }

  reset() {
    this.commands.clear();
  }

  handles(ident) {
    if (ident.service === "ec2") return ident.operation === "GetConsoleOutput" || ident.operation === "RunInstances";
    return ident.service === "ssm" && (ident.operation === "SendCommand" || ident.operation === "GetCommandInvocation");
  }

  async handle(req, ident, body) {
    if (ident.service === "ssm") return this.ssm(ident, JSON.parse(body.toString("utf8") || "{}"));
    const params = new URLSearchParams(body.toString("utf8"));
    if (ident.operation === "GetConsoleOutput") return this.consoleOutput(req, ident, body, params.get("InstanceId") ?? "");
    return this.runInstances(req, ident, body, params);
  }

  async forward(req, body) {
    const res = await fetch(this.upstream + (req.url ?? "/"), {
      method: req.method,
      headers: { "Content-Type": req.headers["content-type"] ?? "application/x-www-form-urlencoded", Authorization: req.headers.authorization ?? "" },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    return { status: res.status, text: await res.text(), contentType: res.headers.get("content-type") ?? "text/xml" };
  }

  async consoleOutput(req, ident, body, instanceId) {
    let xml;
    try {
      xml = await motoQuery(this.upstream, ident.region, "ec2", { Action: "DescribeInstanceAttribute", InstanceId: instanceId, Attribute: "userData" });
    } catch {
      // Not an instance moto knows: its own error answer, unchanged.
      const up = await this.forward(req, body);
      return reply(up.status, up.contentType, up.text);
    }
    const encoded = /<userData>\s*<value>([^<]*)<\/value>/.exec(xml)?.[1] ?? "";
    const script = Buffer.from(encoded, "base64").toString("utf8");
    const output = Buffer.from(consoleFor(instanceId, script)).toString("base64");
    return reply(200, "text/xml;charset=UTF-8",
      `<?xml version="1.0" encoding="UTF-8"?>\n<GetConsoleOutputResponse xmlns="${EC2_NS}"><requestId>${randomUUID()}</requestId><instanceId>${xmlEscape(instanceId)}</instanceId><timestamp>${new Date().toISOString()}</timestamp><output>${output}</output></GetConsoleOutputResponse>`);
  }

  async runInstances(req, ident, body, params) {
    const up = await this.forward(req, body);
    if (up.status === 200) {
      const ids = [...up.text.matchAll(/<instanceId>(i-[0-9a-f]+)<\/instanceId>/g)].map((m) => m[1]);
      const script = Buffer.from(params.get("UserData") ?? "", "base64").toString("utf8");
      for (const id of new Set(ids)) {
        await this.containerStarted(ident.region, id, script, "started").catch(() => {});
        await this.publishCpu(ident.region, id).catch(() => {});
      }
    }
    return reply(up.status, up.contentType, up.text);
  }

  /** The awslogs driver's first lines of the container a script runs, in a stream named like Docker's (the container id). */
  async containerStarted(region, instanceId, script, verb) {
    const run = scriptLines(script).map((l) => dockerRun(shellWords(l.trim()))).find(Boolean);
    if (!run?.logGroup) return;
    const stream = hex(`${instanceId}:${run.image}:${Date.now()}`, 64);
    const created = await motoJson(this.upstream, region, LOGS_JSON, "CreateLogStream", { logGroupName: run.logGroup, logStreamName: stream });
    if (!created.ok) return;
    const now = Date.now();
    const port = run.publish.split(":")[1] ?? "80";
    const messages = [
      `container ${run.name} ${verb} on ${instanceId} from ${run.image}`,
      `listening on 0.0.0.0:${port}`,
      `GET / HTTP/1.1 200 from 10.0.0.1`,
    ];
    await motoJson(this.upstream, region, LOGS_JSON, "PutLogEvents", {
      logGroupName: run.logGroup,
      logStreamName: stream,
      logEvents: messages.map((message, i) => ({ timestamp: now + i, message })),
    });
  }

  /** A few AWS/EC2 CPUUtilization points (5-minute basic monitoring) over the last 15 minutes. */
  async publishCpu(region, instanceId) {
    const res = await fetch(this.upstream + "/", {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
        Authorization: `AWS4-HMAC-SHA256 Credential=test/20260101/${region}/monitoring/aws4_request, SignedHeaders=host, Signature=0`,
      },
      body: new URLSearchParams({
        Action: "PutMetricData",
        Version: "2010-08-01",
        Namespace: "AWS/EC2",
        ...Object.fromEntries([0, 1, 2].flatMap((i) => {
          const p = `MetricData.member.${i + 1}.`;
          return [
            [`${p}MetricName`, "CPUUtilization"],
            [`${p}Unit`, "Percent"],
            [`${p}Value`, String([4.2, 11.5, 7.8][i])],
            [`${p}Timestamp`, new Date(Date.now() - (2 - i) * 5 * 60_000).toISOString()],
            [`${p}Dimensions.member.1.Name`, "InstanceId"],
            [`${p}Dimensions.member.1.Value`, instanceId],
          ];
        })),
      }).toString(),
      signal: AbortSignal.timeout(10_000),
    });
    await res.arrayBuffer();
  }

  async ssm(ident, input) {
    const answer = await motoJson(this.upstream, ident.region, SSM_JSON, ident.operation, input);
    if (!answer.ok) return reply(400, "application/x-amz-json-1.1", JSON.stringify(answer.data));
    if (ident.operation === "SendCommand") {
      const commands = Array.isArray(input.Parameters?.commands) ? input.Parameters.commands.map(String) : [];
      const id = answer.data.Command?.CommandId;
      if (id) this.commands.set(id, { commands, instanceIds: input.InstanceIds ?? [] });
      for (const instanceId of input.InstanceIds ?? []) await this.containerStarted(ident.region, instanceId, commands.join("\n"), "replaced").catch(() => {});
      // One instance targeted: AWS counts one, moto counts two.
      if (answer.data.Command) answer.data.Command.TargetCount = answer.data.Command.CompletedCount = (input.InstanceIds ?? []).length;
    } else {
      const known = this.commands.get(input.CommandId);
      if (known) {
        const output = known.commands.flatMap((line) => outputOf(line, `${input.InstanceId}:${input.CommandId}`)).join("\n");
        Object.assign(answer.data, { Status: "Success", StatusDetails: "Success", ResponseCode: 0, StandardOutputContent: output ? `${output}\n` : "" });
      }
    }
    return reply(200, "application/x-amz-json-1.1", JSON.stringify(answer.data));
  }
}
