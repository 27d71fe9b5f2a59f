// Measure the ECS runtime agent with a large fleet: `node sandbox/runtime/agent-scale.mjs [clusters] [services] [tasks]`
// (default 20 clusters, 1,000 services, 5,000 tasks). Seeds the fleet straight into moto, lets the agent find and
// start everything, then prints its tick and sweep times. Needs moto_server on PATH.
import { startSandbox } from "../start.mjs";
import { getAgent, sandboxCalls, seedFleet, syncAgent, waitForAgent } from "../client.mjs";

const [clusters = 20, services = 1000, tasks = 5000] = process.argv.slice(2).map(Number);
const sandbox = await startSandbox({ port: 0, log: false, agent: { sweepMs: 0 } });
if (!sandbox) process.exit(1);
const { endpoint } = sandbox;
try {
  let t = Date.now();
  const seeded = await seedFleet(endpoint, { clusters, services, tasks });
  console.log(`seeded ${seeded.services} services, ${seeded.desiredCount} desired tasks in ${Date.now() - t} ms`);
  t = Date.now();
  let state = await syncAgent(endpoint);
  console.log(`first sweep: ${Date.now() - t} ms (${state.services} services found)`);
  state = await waitForAgent(endpoint, { timeoutMs: 300_000, intervalMs: 250 });
  console.log(`all running after ${Date.now() - t} ms: ${state.runningTasks} tasks; ticks ${JSON.stringify(state.stats)}`);
  await new Promise((r) => setTimeout(r, 5000));
  state = await getAgent(endpoint);
  console.log(`steady: last tick ${state.stats.lastTickMs} ms, max ${state.stats.maxTickMs} ms, avg ${state.stats.avgTickMs} ms over ${state.stats.ticks} ticks`);
  t = Date.now();
  await syncAgent(endpoint);
  console.log(`sweep finding nothing new: ${Date.now() - t} ms`);
  console.log(`gateway calls counted: ${(await sandboxCalls(endpoint)).total}`);
  console.log(`process RSS: ${Math.round(process.memoryUsage().rss / 1e6)} MB`);
} finally {
  await sandbox.stop();
}
