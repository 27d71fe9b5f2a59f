import { expect, test } from "@playwright/test";
import { CreateClusterCommand, DescribeTasksCommand, ListTasksCommand } from "@aws-sdk/client-ecs";
import { login } from "./fixtures/auth";
import { seedUser } from "./fixtures/db";
import { fargateNetwork, registerJob } from "./fixtures/ecs-tasks";
import { ecs, sandbox } from "./fixtures/sandbox";

const cluster = `batch-${Date.now()}`;
let network: Awaited<ReturnType<typeof fargateNetwork>>;
let job: string;

test.beforeAll(async () => {
  await sandbox.reset();
  network = await fargateNetwork();
  job = await registerJob(`job-${Date.now()}`);
  await ecs().send(new CreateClusterCommand({ clusterName: cluster }));
});

test("run a one-off Fargate task with command and environment overrides", async ({ page }) => {
  const operator = await seedUser("operator");
  await login(page, operator.email, operator.password);
  await page.goto(`/ecs/clusters/${cluster}`);
  await page.getByRole("link", { name: "Run task" }).click();

  await expect(page.getByLabel("Task definition")).toHaveValue(job);
  await page.getByLabel("Number of tasks").fill("11");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.locator("#count-error")).toHaveText("Run 1 to 10 tasks at a time.");
  await page.getByLabel("Number of tasks").fill("2");
  await page.getByRole("button", { name: "Next" }).click();

  await page.getByRole("group", { name: "Subnets" }).getByLabel(new RegExp(network.subnets[0]!)).check();
  await page.getByRole("group", { name: "Security groups" }).getByLabel(new RegExp(network.securityGroupId)).check();
  await page.getByLabel("Public IP").selectOption("ENABLED");
  await page.getByRole("button", { name: "Next" }).click();

  await page.getByLabel("Container", { exact: true }).selectOption("job");
  await page.getByLabel("Command override").fill("echo\nbye");
  await page.getByRole("button", { name: "Add variable" }).click();
  await page.getByLabel("Variable 1 name").fill("MODE");
  await page.getByLabel("Variable 1 value").fill("once");
  await page.getByRole("button", { name: "Review" }).click();

  const steps = page.getByRole("list", { name: "Plan steps" }).getByRole("listitem");
  await expect(steps).toHaveCount(1);
  await expect(steps.first()).toContainText("ecs:RunTask");
  await expect(steps.first()).toContainText("aws ecs run-task");
  await page.getByRole("button", { name: "Run task" }).click();
  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 20_000 });

  // The run's response names the started tasks; AWS holds them with the overrides entered.
  const { taskArns } = await ecs().send(new ListTasksCommand({ cluster }));
  expect(taskArns).toHaveLength(2);
  await expect(page.getByTestId("step-0")).toContainText(taskArns![0]!.split("/").pop()!);
  const { tasks } = await ecs().send(new DescribeTasksCommand({ cluster, tasks: taskArns! }));
  for (const task of tasks!) {
    expect(task.taskDefinitionArn).toMatch(new RegExp(`task-definition/${job}$`));
    expect(task.launchType).toBe("FARGATE");
    expect(task.startedBy).toBe("portside");
    expect(task.overrides?.containerOverrides).toEqual([{ name: "job", command: ["echo", "bye"], environment: [{ name: "MODE", value: "once" }] }]);
  }
});

test("a viewer cannot open the run task form", async ({ page }) => {
  const viewer = await seedUser("viewer");
  await login(page, viewer.email, viewer.password);
  await page.goto(`/ecs/clusters/${cluster}`);
  await expect(page.getByRole("link", { name: "Scheduled tasks" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Run task" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Tear down cluster" })).toHaveCount(0);
});
