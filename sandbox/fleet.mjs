// Fleet seeding for benchmarks: many clusters, a few task definitions and many services whose
// desired counts add up to a task count, created straight in moto (in parallel, not counted by the
// gateway). The sandbox ECS runtime agent then starts the tasks. See sandbox/README.md "Fleet seeding".
import { callMoto } from "./apprunner.mjs";

export const FLEET_LIMITS = { clusters: 500, services: 10_000, tasks: 50_000 };

const ECS = "AmazonEC2ContainerServiceV20141113";

/** The task definitions a fleet uses: web servers, an API and a queue worker, all logging with awslogs. */
export function fleetTaskDefinitions(prefix, region) {
  const awslogs = (family) => ({
    logDriver: "awslogs",
    options: {
      "awslogs-group": `/ecs/${family}`,
      "awslogs-region": region,
      "awslogs-stream-prefix": "ecs",
      "awslogs-create-group": "true",
    },
  });
  const td = (family, image, { port, cpu = "256", memory = "512" } = {}) => ({
    family,
    requiresCompatibilities: ["FARGATE"],
    networkMode: "awsvpc",
    cpu,
    memory,
    executionRoleArn: "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
    containerDefinitions: [
      {
        name: "app",
        image,
        essential: true,
        portMappings: port ? [{ containerPort: port, protocol: "tcp" }] : [],
        logConfiguration: awslogs(family),
      },
    ],
  });
  return [
    td(`${prefix}-web`, "public.ecr.aws/nginx/nginx:1.27", { port: 80 }),
    td(`${prefix}-api`, "123456789012.dkr.ecr.us-east-1.amazonaws.com/orders-api:2.14.0", { port: 8080, cpu: "512", memory: "1024" }),
    td(`${prefix}-worker`, "123456789012.dkr.ecr.us-east-1.amazonaws.com/queue-worker:1.8.3", { cpu: "256", memory: "1024" }),
  ];
}

/**
 * Desired counts for `services` services adding up to exactly `tasks`, uneven like a real fleet:
 * neighbouring services trade tasks so some run 1 and others several times the mean.
 */
export function desiredCounts(services, tasks) {
  const base = Math.floor(tasks / services);
  const out = Array.from({ length: services }, (_, i) => base + (i < tasks - base * services ? 1 : 0));
  for (let i = 0; i + 1 < services; i += 2) {
    const give = Math.min(out[i + 1] - (out[i + 1] > 0 ? 1 : 0), i % 3); // keep ≥ 1 where there was ≥ 1
    out[i] += give;
    out[i + 1] -= give;
  }
  return out;
}

async function pool(items, concurrency, fn) {
  let next = 0;
  const results = new Array(items.length);
  async function worker() {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

function checkCount(value, name, min, max) {
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be a whole number from ${min} to ${max}`);
}

/** The default VPC's first subnet and default security group in moto's EC2 (for awsvpc services), or null. */
async function defaultNetwork(upstream, region) {
  const ec2 = async (query) => {
    const res = await fetch(upstream + "/", {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Authorization: `AWS4-HMAC-SHA256 Credential=test/20260101/${region}/ec2/aws4_request, SignedHeaders=host, Signature=0`,
      },
      body: `Version=2016-11-15&${query}`,
      signal: AbortSignal.timeout(10_000),
    });
    return res.text();
  };
  try {
    const subnet = /<subnetId>([^<]+)<\/subnetId>/.exec(
      await ec2("Action=DescribeSubnets&Filter.1.Name=default-for-az&Filter.1.Value.1=true"),
    )?.[1];
    const vpc = /<vpcId>([^<]+)<\/vpcId>/.exec(await ec2("Action=DescribeVpcs&Filter.1.Name=is-default&Filter.1.Value.1=true"))?.[1];
    const sg = vpc
      ? /<groupId>([^<]+)<\/groupId>/.exec(
          await ec2(`Action=DescribeSecurityGroups&Filter.1.Name=group-name&Filter.1.Value.1=default&Filter.2.Name=vpc-id&Filter.2.Value.1=${vpc}`),
        )?.[1]
      : undefined;
    return subnet && sg ? { subnet, sg } : null;
  } catch {
    return null;
  }
}

/**
 * Seed a fleet.
 * @param {string} endpointOrMotoUrl  moto's URL (uncounted) or the gateway's (then every call is counted)
 * @param {{ clusters?: number, services?: number, tasks?: number, region?: string, prefix?: string, concurrency?: number }} [options]
 * @returns {Promise<{ region: string, clusters: string[], taskDefinitions: string[], services: number,
 *   desiredCount: number, calls: number, ms: number }>}
 */
export async function seedFleet(endpointOrMotoUrl, options = {}) {
  const { clusters = 20, services = 1000, tasks = 5000, region = "us-east-1", prefix = "fleet", concurrency = 16 } = options;
  checkCount(clusters, "clusters", 1, FLEET_LIMITS.clusters);
  checkCount(services, "services", 0, FLEET_LIMITS.services);
  checkCount(tasks, "tasks", 0, FLEET_LIMITS.tasks);
  if (!/^[A-Za-z0-9-]{1,40}$/.test(prefix)) throw new Error("prefix must be 1–40 letters, digits or hyphens");
  if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) throw new Error(`region ${region} is not a region name`);
  if (services === 0 && tasks > 0) throw new Error("tasks need services to run them");
  const upstream = new URL(endpointOrMotoUrl).origin;
  const started = Date.now();
  let calls = 0;
  const ecs = async (op, body) => {
    calls += 1;
    try {
      return await callMoto(upstream, { service: "ecs", target: `${ECS}.${op}`, region, body });
    } catch (err) {
      const what = body.serviceName ?? body.clusterName ?? body.family ?? "";
      err.message = `${op} ${what}: ${String(err.message).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim().slice(0, 300)}`;
      throw err;
    }
  };

  const clusterNames = Array.from({ length: clusters }, (_, i) => `${prefix}-${String(i + 1).padStart(2, "0")}`);
  await pool(clusterNames, concurrency, (clusterName) =>
    ecs("CreateCluster", { clusterName, tags: [{ key: "portside:fleet", value: prefix }] }),
  );
  const tds = await pool(fleetTaskDefinitions(prefix, region), concurrency, async (td) => {
    const r = await ecs("RegisterTaskDefinition", td);
    return r.taskDefinition.taskDefinitionArn;
  });
  const network = await defaultNetwork(upstream, region);
  const counts = desiredCounts(services, tasks);
  const width = String(services).length;
  await pool(counts, concurrency, (desiredCount, i) =>
    ecs("CreateService", {
      cluster: clusterNames[i % clusters],
      serviceName: `${["web", "api", "worker"][i % 3]}-${String(i + 1).padStart(width, "0")}`,
      taskDefinition: tds[i % tds.length],
      desiredCount,
      launchType: "FARGATE",
      ...(network
        ? { networkConfiguration: { awsvpcConfiguration: { subnets: [network.subnet], securityGroups: [network.sg], assignPublicIp: "DISABLED" } } }
        : {}),
      deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100, deploymentCircuitBreaker: { enable: true, rollback: true } },
      tags: [{ key: "portside:fleet", value: prefix }],
    }),
  );
  return {
    region,
    clusters: clusterNames,
    taskDefinitions: tds,
    services,
    desiredCount: counts.reduce((s, n) => s + n, 0),
    calls,
    ms: Date.now() - started,
  };
}
