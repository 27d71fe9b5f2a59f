import { expect, test, type Page } from "@playwright/test";
import { login } from "./fixtures/auth";
import { runsFor, seedUser } from "./fixtures/db";
import { DetachRolePolicyCommand, GetRolePolicyCommand } from "@aws-sdk/client-iam";
import { describeRole, iam } from "./fixtures/express";
import { sandbox } from "./fixtures/sandbox";
import { describeTaskDefinition, logGroupExists } from "./fixtures/task-definitions";

const family = `shop-${Date.now()}`;
const SECRET_ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:shop/db-AbCdEf";
const PARAM_ARN = "arn:aws:ssm:us-east-1:123456789012:parameter/shop/redis";
const EXEC_POLICY = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy";

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  await sandbox.reset();
});

async function asOperator(page: Page) {
  const operator = await seedUser("operator");
  await login(page, operator.email, operator.password);
  return operator;
}

async function finishRun(page: Page) {
  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 30_000 });
}

const next = (page: Page) => page.getByRole("button", { name: "Next" }).click();

test("register a task definition with two containers through the wizard", async ({ page }) => {
  const operator = await asOperator(page);
  await page.goto("/ecs/task-definitions");
  await page.getByRole("link", { name: "Create task definition" }).first().click();

  await page.getByLabel("Task definition family").fill(family);
  await expect(page.getByLabel("Network mode")).toHaveValue("awsvpc");
  await expect(page.getByLabel("CPU", { exact: true })).toHaveValue("1024");
  await expect(page.getByLabel("Memory", { exact: true })).toHaveValue("3072");
  await next(page);
  // Nothing suitable exists yet: the plan creates the standard execution role.
  await expect(page.getByRole("radio", { name: /Create the standard role/ })).toBeChecked();
  await next(page);

  const web = page.getByRole("region", { name: "Container 1" });
  await web.getByLabel("Container name").fill("web");
  await web.getByLabel("Image URI").fill("public.ecr.aws/nginx/nginx:1.27");
  await expect(web.getByText("Amazon ECR Public · nginx/nginx · tag 1.27")).toBeVisible();
  await web.getByLabel("Port name, port 1 of container 1").fill("web-80-tcp");
  await web.getByLabel("App protocol, port 1 of container 1").selectOption("http");
  await web.getByRole("button", { name: "Add variable" }).click();
  await web.getByLabel("container 1 variable 1 name").fill("MODE");
  await web.getByLabel("container 1 variable 1 value").fill("prod");
  await web.getByRole("button", { name: "Import .env" }).click();
  await web.getByLabel("Paste a .env file for container 1").fill('# from the repo\nLOG_LEVEL=debug\nexport GREETING="hello world"\nMODE=prod # same value\n');
  await web.getByRole("button", { name: "Add variables" }).click();
  await expect(web.getByLabel("container 1 variable 3 name")).toHaveValue("GREETING");
  await web.getByRole("button", { name: "Add secret" }).click();
  await web.getByLabel("Secret 1 name of container 1").fill("DB_PASSWORD");
  await web.getByLabel("Secret 1 ARN of container 1").fill(SECRET_ARN);
  await web.getByText("Use a container health check").click();
  await web.getByLabel("Health check command").fill("curl -f http://localhost/ || exit 1");
  await web.getByLabel("Interval (seconds)").fill("15");
  await web.getByLabel("Timeout (seconds)").fill("4");
  await web.getByLabel("Retries").fill("2");
  await web.getByLabel("Start period (seconds)").fill("20");
  await web.getByLabel("Memory soft limit (MiB)").fill("1024");
  await web.getByLabel("CPU (units)").fill("512");

  await page.getByRole("button", { name: "Add container" }).click();
  const worker = page.getByRole("region", { name: "Container 2" });
  await worker.getByLabel("Container name").fill("worker");
  await worker.getByLabel("Image URI").fill("bitnami/redis:7.2");
  await worker.getByRole("button", { name: "Add port mapping" }).click();
  await worker.getByLabel("Container port, port 1 of container 2").fill("6379");
  await worker.getByRole("button", { name: "Add secret" }).click();
  await worker.getByLabel("Secret 1 name of container 2").fill("REDIS_PASSWORD");
  await worker.getByLabel("Secret 1 ARN of container 2").fill(PARAM_ARN);
  await worker.getByLabel("Stream prefix").fill("worker");
  await worker.getByLabel("Memory hard limit (MiB)").fill("768");
  await worker.getByLabel("Memory soft limit (MiB)").fill("512");
  await page.getByRole("button", { name: "Review" }).click();

  const steps = page.getByRole("list", { name: "Plan steps" }).getByRole("listitem");
  await expect(steps).toHaveCount(5);
  await expect(steps.nth(0)).toContainText("logs:CreateLogGroup");
  await expect(steps.nth(0)).toContainText(`/ecs/${family}`);
  await expect(steps.nth(1)).toContainText("iam:CreateRole");
  await expect(steps.nth(2)).toContainText("iam:AttachRolePolicy");
  // The Secrets Manager secret is readable by the execution role; the SSM parameter is not in it.
  await expect(steps.nth(3)).toContainText("iam:PutRolePolicy");
  await expect(steps.nth(3)).toContainText("portside-read-secrets");
  await expect(steps.nth(4)).toContainText("ecs:RegisterTaskDefinition");
  await expect(steps.nth(4)).toContainText("aws ecs register-task-definition --region us-east-1 --cli-input-json");
  await page.getByRole("button", { name: "Register task definition" }).click();

  await finishRun(page);
  await page.getByRole("link", { name: "Open the resource" }).click();
  await expect(page).toHaveURL(new RegExp(`/ecs/task-definitions/${family}/1$`));
  await expect(page.getByRole("heading", { name: `${family}:1` })).toBeVisible();
  await expect(page.getByRole("table", { name: "Containers" }).getByRole("row")).toHaveCount(3);

  // What AWS holds is what was entered.
  const def = await describeTaskDefinition(`${family}:1`);
  expect(def).toMatchObject({
    family,
    revision: 1,
    status: "ACTIVE",
    requiresCompatibilities: ["FARGATE"],
    networkMode: "awsvpc",
    cpu: "1024",
    memory: "3072",
    runtimePlatform: { operatingSystemFamily: "LINUX", cpuArchitecture: "X86_64" },
    executionRoleArn: "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
  });
  expect(def.taskRoleArn).toBeUndefined();
  const readSecrets = await iam().send(new GetRolePolicyCommand({ RoleName: "ecsTaskExecutionRole", PolicyName: "portside-read-secrets" }));
  expect(JSON.parse(decodeURIComponent(readSecrets.PolicyDocument!)).Statement).toEqual([{ Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: [SECRET_ARN] }]);
  const [c1, c2] = def.containerDefinitions!;
  expect(c1).toMatchObject({
    name: "web",
    image: "public.ecr.aws/nginx/nginx:1.27",
    essential: true,
    cpu: 512,
    memoryReservation: 1024,
    portMappings: [{ containerPort: 80, protocol: "tcp", name: "web-80-tcp", appProtocol: "http" }],
    environment: [
      { name: "MODE", value: "prod" },
      { name: "LOG_LEVEL", value: "debug" },
      { name: "GREETING", value: "hello world" },
    ],
    secrets: [{ name: "DB_PASSWORD", valueFrom: SECRET_ARN }],
    logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": `/ecs/${family}`, "awslogs-region": "us-east-1", "awslogs-stream-prefix": "ecs" } },
    healthCheck: { command: ["CMD-SHELL", "curl -f http://localhost/ || exit 1"], interval: 15, timeout: 4, retries: 2, startPeriod: 20 },
  });
  expect(c1!.memory).toBeUndefined();
  expect(c2).toMatchObject({
    name: "worker",
    image: "bitnami/redis:7.2",
    essential: false,
    memory: 768,
    memoryReservation: 512,
    portMappings: [{ containerPort: 6379, protocol: "tcp" }],
    secrets: [{ name: "REDIS_PASSWORD", valueFrom: PARAM_ARN }],
    logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": `/ecs/${family}`, "awslogs-region": "us-east-1", "awslogs-stream-prefix": "worker" } },
  });
  expect(c2!.healthCheck).toBeUndefined();
  expect(await logGroupExists(`/ecs/${family}`)).toBe(true);
  expect(await describeRole("ecsTaskExecutionRole")).toMatchObject({
    principal: "ecs-tasks.amazonaws.com",
    policies: ["arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"],
  });
  const [run] = await runsFor(`ecs:task-definition/${family}`);
  expect(run).toMatchObject({ status: "succeeded", userId: operator.id });

  // The list shows the family with its latest active revision.
  await page.goto("/ecs/task-definitions");
  const row = page.getByRole("row", { name: new RegExp(family) });
  await expect(row).toContainText(`${family}:1`);
});

test("create a new revision from the first and see the diff", async ({ page }) => {
  await asOperator(page);
  await page.goto(`/ecs/task-definitions/${family}`);
  await page.getByRole("link", { name: "Create new revision" }).click();
  await expect(page.getByText(`New revision from ${family}:1`)).toBeVisible();
  await expect(page.getByLabel("Task definition family")).toHaveValue(family);
  await page.getByLabel("Memory", { exact: true }).selectOption("4096");
  await next(page);
  // The revision's role is kept, so no role step this time.
  await expect(page.getByLabel("Existing task execution role")).toHaveValue("arn:aws:iam::123456789012:role/ecsTaskExecutionRole");
  await next(page);
  const web = page.getByRole("region", { name: "Container 1" });
  await expect(web.getByLabel("Image URI")).toHaveValue("public.ecr.aws/nginx/nginx:1.27");
  await expect(web.getByLabel("Health check command")).toHaveValue("curl -f http://localhost/ || exit 1");
  await web.getByLabel("container 1 variable 1 value").fill("staging");
  await page.getByRole("button", { name: "Review" }).click();

  // The log group exists now and the role already reads the secret: only the registration is left.
  const steps = page.getByRole("list", { name: "Plan steps" }).getByRole("listitem");
  await expect(steps).toHaveCount(1);
  await expect(steps.nth(0)).toContainText("ecs:RegisterTaskDefinition");
  await page.getByRole("button", { name: "Register task definition" }).click();
  await finishRun(page);
  await page.getByRole("link", { name: "Open the resource" }).click();
  await expect(page.getByRole("heading", { name: `${family}:2` })).toBeVisible();

  const def = await describeTaskDefinition(`${family}:2`);
  expect(def.memory).toBe("4096");
  expect(def.containerDefinitions?.[0]?.environment?.[0]).toEqual({ name: "MODE", value: "staging" });
  expect(def.containerDefinitions?.[1]?.secrets).toEqual([{ name: "REDIS_PASSWORD", valueFrom: PARAM_ARN }]);

  await page.goto(`/ecs/task-definitions/${family}`);
  await expect(page.getByTestId("diff-summary")).toHaveText("2 lines removed, 2 added.");
  const diff = page.getByRole("table", { name: "Revision 1 compared with revision 2" });
  await expect(diff.locator('[data-kind="removed"]')).toHaveText([/"value": "prod"/, /"memory": "3072"/]);
  await expect(diff.locator('[data-kind="added"]')).toHaveText([/"value": "staging"/, /"memory": "4096"/]);
});

test("deregister a revision through a confirmed plan", async ({ page }) => {
  await asOperator(page);
  await page.goto(`/ecs/task-definitions/${family}`);
  await page.getByRole("button", { name: `Deregister ${family}:1` }).click();
  const dialog = page.getByRole("dialog", { name: `Deregister ${family}:1?` });
  await dialog.getByRole("button", { name: "Deregister" }).click();
  await finishRun(page);
  expect((await describeTaskDefinition(`${family}:1`)).status).toBe("INACTIVE");
  expect((await describeTaskDefinition(`${family}:2`)).status).toBe("ACTIVE");

  await page.goto(`/ecs/task-definitions/${family}`);
  const revisions = page.getByRole("table", { name: "Revisions" });
  await expect(revisions.getByRole("row", { name: new RegExp(`${family}:1`) })).toContainText("inactive");
  await expect(revisions.getByRole("button", { name: `Deregister ${family}:1` })).toHaveCount(0);
  const runs = await runsFor(`ecs:task-definition/${family}`);
  expect(runs.map((r) => r.status)).toEqual(["succeeded", "succeeded", "succeeded"]);
});

test("invalid values are refused at the field with no AWS call", async ({ page }) => {
  await asOperator(page);
  await page.goto("/ecs/task-definitions/new");
  await expect(page.getByRole("heading", { name: "Task definition configuration" })).toBeVisible();
  await sandbox.resetCalls();

  const familyField = page.getByLabel("Task definition family");
  for (const [value, message] of [
    ["has spaces", "Use only letters, digits, hyphens (-) and underscores (_); no spaces."],
    ["x".repeat(256), "Family names are at most 255 characters."],
    ["", "Enter a family name."],
  ]) {
    await familyField.fill(value);
    await next(page);
    await expect(page.locator("#family-error")).toHaveText(message);
  }
  // Only the memory sizes Fargate offers with the CPU are choices.
  await page.getByLabel("CPU", { exact: true }).selectOption("256");
  await expect(page.getByLabel("Memory", { exact: true }).locator("option")).toHaveText(["0.5 GB", "1 GB", "2 GB"]);
  await page.getByLabel("CPU", { exact: true }).selectOption("1024");
  await page.getByLabel("Memory", { exact: true }).selectOption("3072");
  await familyField.fill("valid-family");
  await next(page);
  await next(page);

  const c = page.getByRole("region", { name: "Container 1" });
  // Errors appear as a field loses focus; blur before clicking so the layout has settled.
  const review = async () => {
    await page.locator(":focus").blur();
    await page.getByRole("button", { name: "Review" }).click();
  };
  await c.getByRole("button", { name: "Add secret" }).click();
  await c.getByLabel("Container name").fill("app");
  await c.getByLabel("Image URI").fill("nginx latest");
  await c.getByLabel("Container port, port 1 of container 1").fill("70000");
  await c.getByLabel("Secret 1 name of container 1").fill("DB_PASSWORD");
  await c.getByLabel("Secret 1 ARN of container 1").fill("hunter2");
  await c.getByLabel("Memory soft limit (MiB)").fill("4096");
  await review();

  await expect(page.locator("#c0-image-error")).toContainText("Use an ECR image");
  await expect(page.locator("#c0-port0-containerPort-error")).toHaveText("The container port is 1 to 65535.");
  await expect(page.locator("#c0-secret0-valueFrom-error")).toContainText("not the secret's value");
  await c.getByLabel("Image URI").fill("123456789012.dkr.ecr.us-east-1.amazonaws.com/");
  await review();
  await expect(page.locator("#c0-image-error")).toContainText("Use an ECR image");
  // With the fields fixed, the reservations are checked against the task size.
  await c.getByLabel("Image URI").fill("nginx:1.27");
  await c.getByLabel("Container port, port 1 of container 1").fill("8080");
  await c.getByLabel("Secret 1 ARN of container 1").fill(PARAM_ARN);
  await review();
  await expect(page.locator("#c0-memoryReservation-error")).toHaveText("The containers reserve 4096 MiB, more than the task's 3072 MiB.");
  // Still on the containers step, no plan shown, and the sandbox saw nothing.
  await expect(page.getByRole("list", { name: "Plan steps" })).toHaveCount(0);
  expect((await sandbox.calls()).total).toBe(0);
});

test("a reused ecsTaskExecutionRole that lost its policy gets it attached again, as its own step", async ({ page }) => {
  // Someone detached the execution policy from the role the first test created.
  await iam().send(new DetachRolePolicyCommand({ RoleName: "ecsTaskExecutionRole", PolicyArn: EXEC_POLICY }));
  await asOperator(page);
  await page.goto(`/ecs/task-definitions/${family}`);
  await page.getByRole("link", { name: "Create new revision" }).click();
  await next(page);
  await expect(page.getByLabel("Existing task execution role")).toHaveValue("arn:aws:iam::123456789012:role/ecsTaskExecutionRole");
  await next(page);
  await page.getByRole("button", { name: "Review" }).click();

  const steps = page.getByRole("list", { name: "Plan steps" }).getByRole("listitem");
  await expect(steps).toHaveCount(2);
  await expect(steps.nth(0)).toContainText("iam:AttachRolePolicy");
  await expect(steps.nth(0)).toContainText("Attach AmazonECSTaskExecutionRolePolicy to ecsTaskExecutionRole, which lacks it");
  await expect(steps.nth(1)).toContainText("ecs:RegisterTaskDefinition");
  await page.getByRole("button", { name: "Register task definition" }).click();
  await finishRun(page);
  expect((await describeRole("ecsTaskExecutionRole")).policies).toEqual([EXEC_POLICY]);
});
