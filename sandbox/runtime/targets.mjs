// Load balancer targets of service tasks, as ECS manages them on AWS: a task of a service with
// `loadBalancers` is registered with each target group when its network is up (PENDING), is
// `initial` until RUNNING, then `healthy`; `draining` from the moment it is asked to stop; and
// deregistered once STOPPED. awsvpc tasks register by private IP on the container port; bridge and
// host tasks by instance id and host port (the sandbox has no container instances, so each task gets
// a made-up instance id of its own — moto keys a group's targets by id alone, so two tasks on one
// instance would overwrite each other — and a dynamic host port comes from the ephemeral range).
//
// Registration is real (moto's RegisterTargets / DeregisterTargets, straight to moto, not counted);
// moto calls every registered target "healthy", so the gateway lays the states kept here over its
// DescribeTargetHealth answers (`overlayTargetHealth`).
import { createHash } from "node:crypto";
import { motoQuery } from "../moto-query.mjs";

const STATES = {
  initial: { State: "initial", Reason: "Elb.RegistrationInProgress", Description: "Target registration is in progress" },
  healthy: { State: "healthy" },
  draining: { State: "draining", Reason: "Target.DeregistrationInProgress", Description: "Target deregistration is in progress" },
};

const xmlEscape = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const elbQuery = (upstream, region, params) => motoQuery(upstream, region, "elbv2", params);

/** A made-up EC2 instance id for the "container instance" a bridge/host task runs on, stable per task. */
export function sandboxInstanceId(taskArn) {
  return `i-${createHash("sha256").update(String(taskArn)).digest("hex").slice(0, 17)}`;
}

/**
 * The targets a task is registered as: one per (target group, container port) of its service.
 * `hostPort(containerName, containerPort)` gives a bridge/host task's host port.
 */
export function targetsOf(task, { hostPort } = {}) {
  // A task of a blue/green deployment registers with its own (green) target group.
  const lbs = task.loadBalancers ?? task.service?.loadBalancers ?? [];
  const awsvpc = (task.td?.networkMode ?? "bridge") === "awsvpc";
  const out = [];
  for (const lb of lbs) {
    if (!lb.targetGroupArn || !lb.containerPort) continue;
    if (awsvpc) {
      if (!task.eni?.privateIp) continue;
      out.push({ targetGroupArn: lb.targetGroupArn, id: task.eni.privateIp, port: Number(lb.containerPort) });
    } else {
      out.push({
        targetGroupArn: lb.targetGroupArn,
        id: sandboxInstanceId(task.taskArn),
        port: hostPort?.(lb.containerName, Number(lb.containerPort)) ?? Number(lb.containerPort),
      });
    }
  }
  return out;
}

export class TargetRegistry {
  #upstream;
  /** `${targetGroupArn}|${id}|${port}` → state name */
  #states = new Map();
  /** taskArn → { region, targets, chain } */
  #tasks = new Map();
  #nextHostPort = 32768;
  #errors = 0;
  #lastError = null;
  #pending = new Set();

  constructor({ upstream }) {
    this.#upstream = upstream;
  }

  /** A bridge task's host port: the fixed one from its port mapping, else the next ephemeral one. */
  hostPortFor(task) {
    return (containerName, containerPort) => {
      const c = (task.td?.containerDefinitions ?? []).find((x) => x.name === containerName);
      const m = (c?.portMappings ?? []).find((p) => p.containerPort === containerPort);
      if (task.td?.networkMode === "host") return containerPort;
      if (m?.hostPort) return m.hostPort;
      const port = this.#nextHostPort;
      this.#nextHostPort = port >= 60999 ? 32768 : port + 1;
      return port;
    };
  }

  #key(t) {
    return `${t.targetGroupArn}|${t.id}|${t.port}`;
  }

  #run(entry, fn) {
    const p = entry.chain.then(fn).catch((err) => {
      this.#errors += 1;
      this.#lastError = String(err?.message ?? err);
    });
    entry.chain = p;
    this.#pending.add(p);
    p.finally(() => this.#pending.delete(p));
    return p;
  }

  #params(action, tgArn, targets) {
    const p = { Action: action, TargetGroupArn: tgArn };
    targets.forEach((t, i) => {
      p[`Targets.member.${i + 1}.Id`] = t.id;
      p[`Targets.member.${i + 1}.Port`] = String(t.port);
    });
    return p;
  }

  #byGroup(targets) {
    const groups = new Map();
    for (const t of targets) groups.set(t.targetGroupArn, [...(groups.get(t.targetGroupArn) ?? []), t]);
    return groups;
  }

  /** The task's network is up: register it with its service's target groups (state `initial`). */
  register(task) {
    if (this.#tasks.has(task.taskArn)) return;
    const targets = targetsOf(task, { hostPort: this.hostPortFor(task) });
    if (targets.length === 0) return;
    const entry = { region: task.region, targets, chain: Promise.resolve() };
    this.#tasks.set(task.taskArn, entry);
    for (const t of targets) this.#states.set(this.#key(t), "initial");
    for (const [tg, ts] of this.#byGroup(targets)) this.#run(entry, () => elbQuery(this.#upstream, entry.region, this.#params("RegisterTargets", tg, ts)));
  }

  #set(task, state) {
    const entry = this.#tasks.get(task.taskArn);
    if (!entry) return;
    for (const t of entry.targets) if (this.#states.has(this.#key(t))) this.#states.set(this.#key(t), state);
  }

  /** RUNNING: the load balancer's health checks pass (the sandbox runs no real containers). */
  running(task) {
    this.#set(task, "healthy");
  }

  /** Asked to stop: connections drain. */
  draining(task) {
    this.#set(task, "draining");
  }

  /** STOPPED: deregistered, gone from DescribeTargetHealth. */
  stopped(task) {
    const entry = this.#tasks.get(task.taskArn);
    if (!entry) return;
    this.#tasks.delete(task.taskArn);
    for (const t of entry.targets) this.#states.delete(this.#key(t));
    for (const [tg, ts] of this.#byGroup(entry.targets)) this.#run(entry, () => elbQuery(this.#upstream, entry.region, this.#params("DeregisterTargets", tg, ts)));
  }

  /** Wait for the registrations and deregistrations already sent (tests, reset). */
  async settled() {
    await Promise.all([...this.#pending]);
  }

  /**
   * moto's DescribeTargetHealth XML with the states kept here: each `<member>` whose target this
   * registry registered gets its `<TargetHealth>` replaced.
   */
  overlay(xml, targetGroupArn) {
    return xml.replace(/<member>([\s\S]*?)<\/member>/g, (whole, inner) => {
      if (!inner.includes("<TargetHealth>")) return whole;
      const id = /<Target>[\s\S]*?<Id>([^<]+)<\/Id>/.exec(inner)?.[1];
      const port = /<Target>[\s\S]*?<Port>([^<]+)<\/Port>/.exec(inner)?.[1];
      const state = this.#states.get(`${targetGroupArn}|${id}|${port}`);
      if (!state) return whole;
      const s = STATES[state];
      const health = `<TargetHealth><State>${s.State}</State>${s.Reason ? `<Reason>${s.Reason}</Reason>` : ""}${s.Description ? `<Description>${xmlEscape(s.Description)}</Description>` : ""}</TargetHealth>`;
      return `<member>${inner.replace(/<TargetHealth>[\s\S]*?<\/TargetHealth>/, health)}</member>`;
    });
  }

  stats() {
    return { targets: this.#states.size, tasks: this.#tasks.size, errors: this.#errors, lastError: this.#lastError };
  }

  reset() {
    this.#states.clear();
    this.#tasks.clear();
    this.#nextHostPort = 32768;
    this.#errors = 0;
    this.#lastError = null;
  }
}
