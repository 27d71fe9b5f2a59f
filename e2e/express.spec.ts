import { expect, test, type Page } from "@playwright/test";
import { encodeExpressPrefill } from "../lib/express/prefill";
import { login } from "./fixtures/auth";
import { runsFor, seedUser } from "./fixtures/db";
import { describeExpress, describeRole } from "./fixtures/express";
import { sandbox } from "./fixtures/sandbox";

test.beforeAll(async () => {
  await sandbox.reset();
});

async function asOperator(page: Page) {
  const operator = await seedUser("operator");
  await login(page, operator.email, operator.password);
  return operator;
}

async function waitForRun(page: Page) {
  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 30_000 });
}

test("bad port, min above max and a bad image are rejected at the field with no AWS call", async ({ page }) => {
  await asOperator(page);
  await page.goto("/ecs/express/new");
  await expect(page.getByRole("heading", { name: "Service and container" })).toBeVisible();
  await sandbox.resetCalls();

  const image = page.getByLabel("Image URI");
  const port = page.getByLabel("Container port");
  for (const [value, message] of [
    ["Not An Image!", "Use an ECR image"],
    ["ghcr.io/org/app:1", "Use an ECR image"],
    ["", "Enter an image URI."],
  ]) {
    await image.fill(value);
    await page.getByRole("button", { name: "Next" }).click();
    await expect(page.locator("#image-error")).toContainText(message);
    await expect(image).toHaveAttribute("aria-invalid", "true");
  }
  for (const value of ["0", "65536", "70000"]) {
    await port.fill(value);
    await page.getByRole("button", { name: "Next" }).click();
    await expect(page.locator("#containerPort-error")).toHaveText("The port is 1 to 65535.");
  }
  await expect(page.getByRole("heading", { name: "Service and container" })).toBeVisible();

  await image.fill("nginx:1.27");
  await port.fill("8080");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Minimum tasks").fill("5");
  await page.getByLabel("Maximum tasks").fill("2");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.locator("#maxTasks-error")).toHaveText("Maximum tasks must be at least the minimum.");
  await expect(page.getByLabel("Maximum tasks")).toHaveAttribute("aria-invalid", "true");
  // Only the memory sizes Fargate offers with the CPU are choices.
  await page.getByLabel("CPU", { exact: true }).selectOption("256");
  await expect(page.getByLabel("Memory", { exact: true }).locator("option")).toHaveText(["0.5 GB", "1 GB", "2 GB"]);
  await page.getByLabel("Health check path").fill("ping");
  await page.getByLabel("Health check path").blur();
  await expect(page.locator("#healthCheckPath-error")).toHaveText("The path starts with / and has no spaces.");
  await expect(page.getByRole("heading", { name: "Compute and scaling" })).toBeVisible();

  expect((await sandbox.calls()).total).toBe(0);
});

test("a prefill link fills the wizard and says where it came from", async ({ page }) => {
  await asOperator(page);
  const prefill = encodeExpressPrefill({
    serviceName: "legacy-web",
    image: "public.ecr.aws/docker/library/httpd:latest",
    containerPort: 80,
    cpu: "2048",
    memory: "4096",
    minTasks: 1,
    maxTasks: 25,
    healthCheckPath: "/health",
    environment: [{ name: "GREETING", value: "hello" }],
    fromAppRunnerArn: "arn:aws:apprunner:us-east-1:123456789012:service/legacy-web/8fe1e10304f84fd2b0df550fe98a71fa",
  });
  await page.goto(`/ecs/express/new?prefill=${prefill}`);
  await expect(page.getByText("Prefilled from App Runner service legacy-web")).toBeVisible();
  await expect(page.getByLabel("Image URI")).toHaveValue("public.ecr.aws/docker/library/httpd:latest");
  await expect(page.getByLabel("Container port")).toHaveValue("80");
  await expect(page.getByLabel("Service name")).toHaveValue("legacy-web");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByLabel("CPU", { exact: true })).toHaveValue("2048");
  await expect(page.getByLabel("Memory", { exact: true })).toHaveValue("4096");
  await expect(page.getByLabel("Minimum tasks")).toHaveValue("1");
  await expect(page.getByLabel("Maximum tasks")).toHaveValue("25");
  await expect(page.getByLabel("Health check path")).toHaveValue("/health");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByLabel("Variable 1 name")).toHaveValue("GREETING");
  await expect(page.getByLabel("Variable 1 value")).toHaveValue("hello");

  // A damaged link opens the wizard with the console defaults.
  await page.goto("/ecs/express/new?prefill=not-json");
  await expect(page.getByText(/Prefilled from App Runner/)).toHaveCount(0);
  await expect(page.getByLabel("Container port")).toHaveValue("80");
});

test("create an Express service with new roles, update its image, delete it", async ({ page }) => {
  test.setTimeout(150_000);
  const operator = await asOperator(page);
  const name = `web-${Date.now()}`;

  // Create: every step of the wizard, both standard roles created by the plan.
  await page.goto("/ecs/express");
  await page.getByRole("link", { name: "Create Express service" }).first().click();
  await page.getByLabel("Image URI").fill("public.ecr.aws/docker/library/httpd:2.4");
  await page.getByLabel("Container port").fill("8080");
  await page.getByLabel("Service name").fill(name);
  await expect(page.getByLabel("Cluster")).toHaveValue("default");
  await page.getByRole("button", { name: "Next" }).click();

  await expect(page.getByLabel("CPU", { exact: true })).toHaveValue("1024");
  await expect(page.getByLabel("Memory", { exact: true })).toHaveValue("2048");
  await expect(page.getByLabel("Maximum tasks")).toHaveValue("20");
  // Not AWS's /ping, which nginx or httpd answer with 404; the hint says what the path must answer.
  await expect(page.getByLabel("Health check path")).toHaveValue("/");
  await expect(page.getByText("answers with an HTTP status from 200 to 399")).toBeVisible();
  await page.getByLabel("CPU", { exact: true }).selectOption("512");
  await page.getByLabel("Memory", { exact: true }).selectOption("2048");
  await page.getByLabel("Minimum tasks").fill("2");
  await page.getByLabel("Maximum tasks").fill("6");
  await page.getByLabel("Health check path").fill("/healthz");
  await page.getByRole("button", { name: "Next" }).click();

  await expect(page.getByRole("radio", { name: /Create the standard role.*ecsTaskExecutionRole/ })).toBeChecked();
  await expect(page.getByRole("radio", { name: /Create the standard role.*ecsInfrastructureRoleForExpressServices/ })).toBeChecked();
  await page.getByRole("button", { name: "Next" }).click();

  await page.getByRole("button", { name: "Add variable" }).click();
  await page.getByLabel("Variable 1 name").fill("MODE");
  await page.getByLabel("Variable 1 value").fill("production");
  await page.getByRole("button", { name: "Review" }).click();

  const steps = page.getByRole("list", { name: "Plan steps" }).getByRole("listitem");
  await expect(steps).toHaveCount(5);
  await expect(steps.nth(0)).toContainText("iam:CreateRole");
  await expect(steps.nth(1)).toContainText("AmazonECSTaskExecutionRolePolicy");
  await expect(steps.nth(3)).toContainText("AmazonECSInfrastructureRoleforExpressGatewayServices");
  await expect(steps.nth(4)).toContainText("ecs:CreateExpressGatewayService");
  await expect(steps.nth(4)).toContainText("aws ecs create-express-gateway-service --region us-east-1");
  await expect(page.getByText(/Application Load Balancer/)).toBeVisible();
  await page.getByRole("button", { name: "Create Express service" }).click();
  await waitForRun(page);

  // What AWS now holds is what was entered.
  const { express, config, ecsService } = await describeExpress(name);
  expect(express.status?.statusCode).toBe("ACTIVE");
  expect(config?.primaryContainer).toMatchObject({
    image: "public.ecr.aws/docker/library/httpd:2.4",
    containerPort: 8080,
    environment: [{ name: "MODE", value: "production" }],
  });
  expect(config).toMatchObject({ cpu: "512", memory: "2048", healthCheckPath: "/healthz" });
  expect(config?.scalingTarget).toMatchObject({ minTaskCount: 2, maxTaskCount: 6, autoScalingMetric: "AVERAGE_CPU", autoScalingTargetValue: 60 });
  expect(ecsService.desiredCount).toBe(2);
  const execRole = await describeRole("ecsTaskExecutionRole");
  expect(execRole).toMatchObject({ principal: "ecs-tasks.amazonaws.com", policies: ["arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"] });
  const infraRole = await describeRole("ecsInfrastructureRoleForExpressServices");
  expect(infraRole).toMatchObject({ principal: "ecs.amazonaws.com", policies: ["arn:aws:iam::aws:policy/service-role/AmazonECSInfrastructureRoleforExpressGatewayServices"] });
  expect(config?.executionRoleArn).toBe(execRole.arn);
  expect(express.infrastructureRoleArn).toBe(infraRole.arn);

  // The run lands on the service page, which shows its URL and the underlying ECS service.
  await page.getByRole("link", { name: "Open the resource" }).click();
  await expect(page.getByRole("heading", { name, exact: true })).toBeVisible();
  const url = config!.ingressPaths![0]!.endpoint!;
  await expect(page.getByTestId("express-url")).toHaveText(url);
  await expect(page.getByTestId("express-url")).toHaveAttribute("href", url);
  await expect(page.getByRole("link", { name: "default" }).first()).toHaveAttribute("href", "/ecs/clusters/default");

  // The list shows it with its URL, image and tasks.
  await page.goto("/ecs/express");
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText(url.replace("https://", ""));
  await expect(row).toContainText("public.ecr.aws/docker/library/httpd:2.4");
  await expect(row).toContainText("/ 2");
  await row.getByRole("link", { name, exact: true }).click();

  // Update: a new image tag and a higher maximum, through the update form.
  await expect(page.getByLabel("Image URI")).toHaveValue("public.ecr.aws/docker/library/httpd:2.4");
  await expect(page.getByLabel("Container port")).toHaveValue("8080");
  await page.getByLabel("Image URI").fill("public.ecr.aws/docker/library/httpd:2.4.62");
  await page.getByLabel("Maximum tasks").fill("8");
  await page.getByRole("button", { name: "Review changes" }).click();
  await expect(page.getByRole("list", { name: "Plan steps" })).toContainText("ecs:UpdateExpressGatewayService");
  await page.getByRole("button", { name: "Update service" }).click();
  await waitForRun(page);
  const updated = await describeExpress(name);
  expect(updated.config?.primaryContainer).toMatchObject({ image: "public.ecr.aws/docker/library/httpd:2.4.62", containerPort: 8080 });
  expect(updated.config?.scalingTarget).toMatchObject({ minTaskCount: 2, maxTaskCount: 8 });
  expect(updated.config).toMatchObject({ cpu: "512", memory: "2048", healthCheckPath: "/healthz" });

  // A second service with the same name is refused at review, before any change; the roles
  // that now exist are offered instead of being created again.
  await page.goto("/ecs/express/new");
  await page.getByLabel("Image URI").fill("nginx");
  await page.getByLabel("Service name").fill(name);
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("radio", { name: /Create the standard role/ }).first()).toBeDisabled();
  await expect(page.getByLabel("Existing task execution role")).toHaveValue(execRole.arn!);
  await expect(page.getByLabel("Existing infrastructure role")).toHaveValue(infraRole.arn!);
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Review" }).click();
  await expect(page.locator("#serviceName-error")).toHaveText(`A service named ${name} already exists in cluster default.`);
  expect(await runsFor(`ecs:express/${name}`)).toHaveLength(2);

  // Delete: only once the name is typed.
  await page.goto(`/ecs/express/default/${name}`);
  await page.getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("button", { name: "Delete service" })).toBeDisabled();
  await dialog.getByLabel(/Type .* to confirm/).fill(name);
  await dialog.getByRole("button", { name: "Delete service" }).click();
  await waitForRun(page);
  const deleted = await describeExpress(name).catch(() => null);
  expect(deleted?.express.status?.statusCode ?? "INACTIVE").not.toBe("ACTIVE");


  // Three recorded plans, all found by the service's resource key.
  const runs = await runsFor(`ecs:express/${name}`);
  expect(runs.map((r) => [r.status, r.userId])).toEqual([
    ["succeeded", operator.id],
    ["succeeded", operator.id],
    ["succeeded", operator.id],
  ]);
});
