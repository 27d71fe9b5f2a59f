import { expect, test } from "@playwright/test";
import {
  describeAppRunnerService,
  findServiceArn,
  refuseNewCustomers,
  reviewAppRunnerService,
  seedExpressService,
  seedRole,
  seedRunningService,
  useRegionWithoutAppRunner,
} from "./fixtures/apprunner";
import { login } from "./fixtures/auth";
import { runsFor, seedUser } from "./fixtures/db";
import { sandbox } from "./fixtures/sandbox";

const HTTPD = "public.ecr.aws/docker/library/httpd:latest";

test.beforeAll(async () => {
  await sandbox.reset();
});

test.afterEach(async () => {
  await refuseNewCustomers(false);
});

test("create an App Runner service from the public httpd image and see it running", async ({ page }) => {
  const operator = await seedUser("operator");
  const name = `httpd-${Date.now()}`;
  await login(page, operator.email, operator.password);
  await page.goto("/apprunner");
  await expect(page.getByText("App Runner stopped taking new customers on 30 April 2026")).toBeVisible();
  await expect(page.getByRole("link", { name: "Create an ECS Express Mode service" })).toHaveAttribute("href", "/ecs/express/new");

  await reviewAppRunnerService(page, {
    image: HTTPD,
    name,
    port: "80",
    cpu: "2048",
    memory: "6144",
    minSize: "2",
    maxSize: "4",
    concurrency: "50",
    env: [["GREETING", "hello"]],
  });
  const steps = page.getByRole("list", { name: "Plan steps" }).getByRole("listitem");
  await expect(steps).toHaveCount(2);
  await expect(steps.nth(0)).toContainText("apprunner:CreateAutoScalingConfiguration");
  await expect(steps.nth(1)).toContainText("apprunner:CreateService");
  await expect(steps.nth(1)).toContainText("aws apprunner create-service --region us-east-1 --cli-input-json");
  await expect(page.getByText("Accounts new to App Runner are refused", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Create service" }).click();
  // One run page for every plan; the old App Runner address redirects to it.
  await expect(page).toHaveURL(/\/history\/\w+$/);
  const runId = new URL(page.url()).pathname.split("/").pop()!;
  await page.goto(`/apprunner/runs/${runId}`);
  await expect(page).toHaveURL(new RegExp(`/history/${runId}$`));
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 20_000 });
  await page.getByRole("link", { name: "Open the resource" }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  // The page re-reads AWS while the create operation runs, until App Runner reports RUNNING.
  await expect(page.getByTestId("apprunner-status")).toHaveText("Running", { timeout: 20_000 });

  // What AWS now holds is what was entered.
  const held = await describeAppRunnerService(name);
  expect(held?.service.Status).toBe("RUNNING");
  expect(held?.service.SourceConfiguration?.ImageRepository).toMatchObject({
    ImageIdentifier: HTTPD,
    ImageRepositoryType: "ECR_PUBLIC",
    ImageConfiguration: { Port: "80", RuntimeEnvironmentVariables: { GREETING: "hello" } },
  });
  expect(held?.service.SourceConfiguration?.AutoDeploymentsEnabled).toBe(false);
  expect(held?.service.InstanceConfiguration).toMatchObject({ Cpu: "2048", Memory: "6144" });
  expect(held?.scaling).toMatchObject({ AutoScalingConfigurationName: name.slice(0, 32), MinSize: 2, MaxSize: 4, MaxConcurrency: 50 });

  // The page shows the same, with the default domain as a link.
  const url = held!.service.ServiceUrl!;
  await expect(page.getByTestId("apprunner-domain").getByRole("link", { name: url })).toHaveAttribute("href", `https://${url}`);
  await expect(page.getByTestId("apprunner-image")).toHaveText(HTTPD);
  await expect(page.getByTestId("apprunner-port")).toHaveText("80");
  await expect(page.getByTestId("apprunner-cpu")).toHaveText("2 vCPU");
  await expect(page.getByTestId("apprunner-memory")).toHaveText("6 GB");
  await expect(page.getByTestId("apprunner-scaling")).toContainText("2 to 4");
  await expect(page.getByTestId("apprunner-scaling")).toContainText("50 requests per instance");
  await expect(page.getByRole("table", { name: "Operations" }).getByRole("row", { name: /Create service/ })).toContainText("Succeeded");
  await page.getByRole("button", { name: "Refresh" }).click();
  await expect(page.getByLabel("Service log lines")).toContainText("completed successfully", { timeout: 10_000 });
  await expect(page.getByLabel("Application log lines")).toContainText("GET / HTTP/1.1");

  // Listed in the region with its status and domain.
  await page.goto("/apprunner");
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText("Running");
  await expect(row.getByRole("link", { name: url })).toBeVisible();
  await expect(row).toContainText(HTTPD);
  const [run] = await runsFor(`apprunner:service/${name}`);
  expect(run).toMatchObject({ status: "succeeded", userId: operator.id });
});

test("pause then resume a service, each a recorded plan", async ({ page }) => {
  const operator = await seedUser("operator");
  const name = `pause-${Date.now()}`;
  await seedRunningService(name);
  await login(page, operator.email, operator.password);
  await page.goto(`/apprunner/services/${name}`);
  await expect(page.getByTestId("apprunner-status")).toHaveText("Running");

  await page.getByRole("button", { name: "Pause", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Pause service" }).click();
  await expect(page).toHaveURL(/\/history\/\w+$/);
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 20_000 });
  await expect(page.getByTestId("step-0")).toContainText("apprunner:PauseService");
  await page.getByRole("link", { name: "Open the resource" }).click();
  await expect(page.getByTestId("apprunner-status")).toHaveText("Paused", { timeout: 20_000 });
  expect((await describeAppRunnerService(name))?.service.Status).toBe("PAUSED");

  await page.getByRole("button", { name: "Resume", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Resume service" }).click();
  await expect(page).toHaveURL(/\/history\/\w+$/);
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 20_000 });
  await page.getByRole("link", { name: "Open the resource" }).click();
  await expect(page.getByTestId("apprunner-status")).toHaveText("Running", { timeout: 20_000 });
  expect((await describeAppRunnerService(name))?.service.Status).toBe("RUNNING");

  // Deploy: StartDeployment, a new deployment in the operations list.
  await page.getByRole("button", { name: "Deploy", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Start deployment" }).click();
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 20_000 });
  await expect(page.getByTestId("step-0")).toContainText("apprunner:StartDeployment");
  await page.getByRole("link", { name: "Open the resource" }).click();
  await expect(page.getByTestId("apprunner-status")).toHaveText("Running", { timeout: 20_000 });

  const runs = await runsFor(`apprunner:service/${name}`);
  expect(runs.map((r) => r.status)).toEqual(["succeeded", "succeeded", "succeeded"]);
  const operations = page.getByRole("table", { name: "Operations" });
  await expect(operations.getByRole("row").nth(1)).toContainText("Deployment");
  await expect(operations).toContainText("Resume service");
  await expect(operations).toContainText("Pause service");
});

test("a viewer sees the service but no actions", async ({ page }) => {
  const viewer = await seedUser("viewer");
  const name = `viewed-${Date.now()}`;
  await seedRunningService(name);
  await login(page, viewer.email, viewer.password);
  await page.goto(`/apprunner/services/${name}`);
  await expect(page.getByTestId("apprunner-status")).toHaveText("Running");
  await expect(page.getByRole("button", { name: "Pause", exact: true })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Delete", exact: true })).toHaveCount(0);
  await page.goto("/apprunner");
  await expect(page.getByRole("link", { name: "Create service" })).toHaveCount(0);
});

test("delete asks for the service name, then removes it", async ({ page }) => {
  const operator = await seedUser("operator");
  const name = `gone-${Date.now()}`;
  await seedRunningService(name);
  await login(page, operator.email, operator.password);
  await page.goto(`/apprunner/services/${name}`);
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("list", { name: "Requests" })).toContainText(`Delete App Runner service ${name}`);
  await expect(dialog.getByRole("list", { name: "Requests" })).toContainText("apprunner:DeleteService");
  await expect(dialog.getByRole("button", { name: "Delete service" })).toBeDisabled();
  await dialog.getByLabel(`Type ${name} to confirm`).fill(name);
  await dialog.getByRole("button", { name: "Delete service" }).click();
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 20_000 });
  await expect.poll(() => findServiceArn(name), { timeout: 20_000 }).toBeUndefined();
});

test("an account new to App Runner is refused, and Express Mode opens with the same settings", async ({ page }) => {
  const operator = await seedUser("operator");
  const name = `refused-${Date.now()}`;
  await login(page, operator.email, operator.password);
  await refuseNewCustomers(true);

  await reviewAppRunnerService(page, { image: HTTPD, name, port: "80", cpu: "1024", memory: "3072", minSize: "1", maxSize: "3", env: [["MODE", "prod"]] });
  await page.getByRole("button", { name: "Create service" }).click();
  await expect(page).toHaveURL(/\/history\/\w+$/);
  await expect(page.getByTestId("run-status")).toHaveText(/failed/i, { timeout: 20_000 });
  // The failed request is CreateService, with AWS's own words.
  await expect(page.getByTestId("step-1")).toContainText("apprunner:CreateService");
  await expect(page.getByTestId("step-1")).toContainText("no longer open to new customers");
  const offer = page.getByTestId("apprunner-refused");
  await expect(offer).toContainText("AWS refused to create the service: this account is new to App Runner");
  await expect(offer).toContainText("App Runner stopped taking new customers on 30 April 2026");
  await expect(offer).toContainText("AWS said: Your account is not allowlisted to use AWS App Runner");
  await expect(offer).toContainText("the cleanup plan below deletes it");
  expect(await findServiceArn(name)).toBeUndefined();

  await offer.getByRole("link", { name: "Create with ECS Express Mode instead" }).click();
  await expect(page).toHaveURL(/\/ecs\/express\/new\?prefill=/);
  await expect(page.locator("#serviceName")).toHaveValue(name);
  await expect(page.locator("#image")).toHaveValue(HTTPD);
  await expect(page.locator("#containerPort")).toHaveValue("80");
  await expect(page.locator("#cpu")).toHaveValue("1024");
  await expect(page.locator("#memory")).toHaveValue("3072");
  await expect(page.locator("#minTasks")).toHaveValue("1");
  await expect(page.locator("#maxTasks")).toHaveValue("3");
  await expect(page.getByLabel("Variable 1 name")).toHaveValue("MODE");
  await expect(page.getByLabel("Variable 1 value")).toHaveValue("prod");
});

test("Move to Express Mode prefills the Express wizard from a running service", async ({ page }) => {
  const operator = await seedUser("operator");
  const name = `move-${Date.now()}`;
  await seedRunningService(name);
  await login(page, operator.email, operator.password);
  await page.goto(`/apprunner/services/${name}`);
  await page.getByRole("link", { name: "Move to Express Mode" }).click();
  await expect(page).toHaveURL(/\/ecs\/express\/new\?prefill=/);
  await expect(page.locator("#serviceName")).toHaveValue(name);
  await expect(page.locator("#image")).toHaveValue(HTTPD);
  await expect(page.locator("#containerPort")).toHaveValue("80");
  // App Runner's default instance, 1 vCPU / 2 GB, and its default scaling, 1–25.
  await expect(page.locator("#cpu")).toHaveValue("1024");
  await expect(page.locator("#memory")).toHaveValue("2048");
  await expect(page.locator("#maxTasks")).toHaveValue("25");
});

test("after the move, the App Runner page follows the Express service that took over", async ({ page }) => {
  const operator = await seedUser("operator");
  const name = `moved-${Date.now()}`;
  await seedRunningService(name);
  await seedExpressService(name, HTTPD);
  await login(page, operator.email, operator.password);
  await page.goto(`/apprunner/services/${name}`);
  const move = page.getByTestId("move-to-express");
  await expect(move).toContainText(`Express Mode service ${name} (cluster default) is active, running 0 of 1 tasks`);
  await expect(move.getByRole("link", { name, exact: true })).toHaveAttribute("href", `/ecs/express/default/${name}`);
  // Not healthy yet (no task runs in the sandbox): no offer to pause, and no second move.
  await expect(move).toContainText("Once it runs all its tasks, Portside offers to pause this App Runner service here.");
  await expect(move.getByRole("button", { name: "Pause the App Runner service" })).toHaveCount(0);
  await expect(move.getByRole("link", { name: "Move to Express Mode" })).toHaveCount(0);
});

test("a service can use an existing auto scaling configuration", async ({ page }) => {
  const operator = await seedUser("operator");
  const name = `shared-${Date.now()}`;
  await login(page, operator.email, operator.password);
  await page.goto("/apprunner/new");
  await page.getByLabel("Container image URI").fill(HTTPD);
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Service name").fill(name);
  await page.getByRole("spinbutton", { name: "Port" }).fill("80");
  await page.getByText("Use existing", { exact: true }).click();
  await page.getByLabel("Auto scaling configuration").selectOption({ label: "DefaultConfiguration (revision 1): 1–25 instances, 100 requests · default" });
  await page.getByRole("button", { name: "Review" }).click();
  const steps = page.getByRole("list", { name: "Plan steps" }).getByRole("listitem");
  await expect(steps).toHaveCount(1);
  await expect(steps.nth(0)).toContainText("autoscalingconfiguration/DefaultConfiguration/1/");
  await page.getByRole("button", { name: "Create service" }).click();
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 20_000 });
  const held = await describeAppRunnerService(name);
  expect(held?.service.AutoScalingConfigurationSummary?.AutoScalingConfigurationName).toBe("DefaultConfiguration");
  expect(held?.scaling).toMatchObject({ MinSize: 1, MaxSize: 25, MaxConcurrency: 100 });
});

test("a private ECR image with an existing access role and automatic deployments", async ({ page }) => {
  const operator = await seedUser("operator");
  const name = `private-${Date.now()}`;
  const image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web:1.4";
  const accessRole = await seedRole(`AppRunnerECRAccess-${Date.now()}`, "build.apprunner.amazonaws.com");
  const instanceRole = await seedRole(`web-instance-${Date.now()}`, "tasks.apprunner.amazonaws.com");
  await login(page, operator.email, operator.password);
  await page.goto("/apprunner/new");
  await page.getByText("Amazon ECR", { exact: true }).click();
  await page.getByLabel("Container image URI").fill(image);
  await page.getByText("Automatic", { exact: true }).click();
  // Existing roles App Runner can assume are offered, each under the field it fits.
  await expect(page.locator("#access-roles option")).toHaveAttribute("value", accessRole);
  await expect(page.locator("#instance-roles option")).toHaveAttribute("value", instanceRole);
  await page.getByLabel("ECR access role").fill(accessRole);
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Service name").fill(name);
  await page.getByLabel("Instance role").fill(instanceRole);
  await page.getByRole("button", { name: "Review" }).click();
  await page.getByRole("button", { name: "Create service" }).click();
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 20_000 });
  const held = await describeAppRunnerService(name);
  expect(held?.service.SourceConfiguration).toMatchObject({
    ImageRepository: { ImageIdentifier: image, ImageRepositoryType: "ECR", ImageConfiguration: { Port: "8080" } },
    AutoDeploymentsEnabled: true,
    AuthenticationConfiguration: { AccessRoleArn: accessRole },
  });
  expect(held?.service.InstanceConfiguration).toMatchObject({ Cpu: "1024", Memory: "2048", InstanceRoleArn: instanceRole });
});

test("bad settings are caught at the field with no AWS call", async ({ page }) => {
  const operator = await seedUser("operator");
  await login(page, operator.email, operator.password);
  await page.goto("/apprunner/new");
  await expect(page.getByLabel("Container image URI")).toBeVisible();
  await sandbox.resetCalls();

  // A private ECR image needs an access role; automatic deployment needs private ECR.
  await expect(page.getByRole("radio", { name: /Automatic/ })).toBeDisabled();
  await page.getByText("Amazon ECR", { exact: true }).click();
  await page.getByLabel("Container image URI").fill("123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.locator("#accessRoleArn-error")).toHaveText(/An ECR access role is required for a private ECR image/);
  await page.getByLabel("ECR access role").fill("not-a-role");
  await expect(page.locator("#accessRoleArn-error")).toHaveText("Enter an IAM role ARN: arn:aws:iam::123456789012:role/name.");
  await expect(page.getByRole("heading", { name: "Source", exact: true })).toBeVisible();

  await page.getByText("Amazon ECR Public", { exact: true }).click();
  await page.getByLabel("Container image URI").fill(HTTPD);
  await page.getByRole("button", { name: "Next" }).click();

  // An invalid vCPU/memory pair cannot even be chosen.
  await page.getByLabel("vCPU").selectOption("2048");
  await expect(page.getByLabel("Memory").locator("option")).toHaveText(["4 GB", "6 GB"]);

  const name = page.getByLabel("Service name");
  for (const [value, message] of [
    ["abc", "Service names are at least 4 characters."],
    ["-web", "Start with a letter or digit; then use only letters, digits, hyphens (-) and underscores (_)."],
    ["has space", "Start with a letter or digit; then use only letters, digits, hyphens (-) and underscores (_)."],
  ]) {
    await name.fill(value);
    await page.getByRole("button", { name: "Review" }).click();
    await expect(page.locator("#serviceName-error")).toHaveText(message);
  }
  await name.fill("valid-name");
  for (const port of ["0", "51201"]) {
    await page.getByRole("spinbutton", { name: "Port" }).fill(port);
    await page.getByRole("button", { name: "Review" }).click();
    await expect(page.locator("#port-error")).toHaveText("The port is 1 to 51200.");
  }
  await page.getByRole("spinbutton", { name: "Port" }).fill("80");
  await page.getByLabel("Minimum size").fill("5");
  await page.getByLabel("Maximum size").fill("3");
  await page.getByRole("button", { name: "Review" }).click();
  await expect(page.locator("#maxSize-error")).toHaveText("Maximum size must be at least the minimum size (5).");
  await expect(page.getByLabel("Maximum size")).toHaveAttribute("aria-invalid", "true");

  // Still configuring, no plan, and the sandbox saw nothing.
  await expect(page.getByRole("heading", { name: "Service settings" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Plan steps" })).toHaveCount(0);
  expect((await sandbox.calls()).total).toBe(0);
});

test("a region without App Runner is explained, not called", async ({ page }) => {
  const viewer = await seedUser("viewer");
  await login(page, viewer.email, viewer.password);
  await useRegionWithoutAppRunner(page, "eu-north-1");
  await sandbox.resetCalls();
  await page.goto("/apprunner");
  const notice = page.getByTestId("apprunner-region-unavailable");
  await expect(notice).toContainText("App Runner is not offered in eu-north-1");
  await expect(notice).toContainText("us-east-1 (US East (N. Virginia))");
  await expect(notice).toContainText("eu-west-3 (Europe (Paris))");
  expect((await sandbox.calls()).total).toBe(0);
  await expect(page.getByRole("link", { name: "Create service" })).toHaveCount(0);
});
