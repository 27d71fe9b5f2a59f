import { expect, test, type Page, type Request } from "@playwright/test";
import { DescribeInstanceAttributeCommand, DescribeInstancesCommand, DescribeSecurityGroupsCommand, EC2Client, RunInstancesCommand } from "@aws-sdk/client-ec2";
import { GetInstanceProfileCommand, IAMClient, ListAttachedRolePoliciesCommand } from "@aws-sdk/client-iam";
import { CloudWatchLogsClient, DescribeLogGroupsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { login } from "./fixtures/auth";
import { query, seedUser } from "./fixtures/db";
import { sandbox } from "./fixtures/sandbox";
import { stack } from "./fixtures/stack";

test.describe.configure({ mode: "serial" });

const config = () => ({ region: "us-east-1", endpoint: stack().sandboxEndpoint, credentials: { accessKeyId: "test", secretAccessKey: "test" }, maxAttempts: 1 });
const ec2 = () => new EC2Client(config());
const iam = () => new IAMClient(config());
const logs = () => new CloudWatchLogsClient(config());

const host = `web-${Date.now().toString(36)}`;
// A value a shell would expand, split or end early if it were not quoted.
const tricky = `it's "quoted" $HOME; touch /tmp/x`;
let instanceId = "";
let captured: Request[] = [];

async function asOperator(page: Page) {
  const operator = await seedUser("operator");
  await login(page, operator.email, operator.password);
  return operator;
}

async function instanceOf(id: string) {
  const out = await ec2().send(new DescribeInstancesCommand({ InstanceIds: [id] }));
  return out.Reservations![0]!.Instances![0]!;
}

async function runSucceeded(page: Page) {
  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 60_000 });
}

test.beforeAll(async () => {
  await sandbox.reset();
});

test("invalid input is refused at each field with no AWS call", async ({ page }) => {
  await asOperator(page);
  await page.goto("/ec2/hosts/new");
  await expect(page.getByLabel("Host name")).toBeVisible();
  await page.waitForLoadState("networkidle");
  await sandbox.quiet();
  await sandbox.resetCalls();

  await page.getByLabel("Host name").fill("bad name!");
  await page.getByLabel("Root volume (GiB)").fill("4");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.locator("#hostName-error")).toContainText("Start with a letter or digit");
  await expect(page.locator("#volumeSize-error")).toContainText("The volume size is 8 to 16384.");
  await page.getByLabel("Host name").fill("ok-host");
  await page.getByLabel("Root volume (GiB)").fill("8");
  await page.getByRole("button", { name: "Next" }).click();

  await page.getByLabel("Source CIDR").fill("10.0.0.0/33");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.locator("#sourceCidr-error")).toContainText("Enter an IPv4 CIDR");
  await page.getByText("Use an existing security group").click();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.locator("#securityGroupId-error")).toContainText("Pick a security group.");
  await page.getByText(/^Create portside-host-ok-host/).click();
  await page.getByLabel("Source CIDR").fill("0.0.0.0/0");
  await page.getByRole("button", { name: "Next" }).click();

  // Blur each field before clicking on: the error it then shows moves the buttons below it.
  const image = page.getByRole("textbox", { name: "Image", exact: true });
  await image.fill("Not An Image!");
  await image.blur();
  await expect(page.locator("#image-error")).toBeVisible();
  await page.getByRole("button", { name: "Add variable" }).click();
  await page.getByLabel("Variable 1 name").fill("1BAD");
  await page.getByLabel("Variable 1 name").blur();
  await expect(page.locator("#env-0-name-error")).toBeVisible();
  await page.getByRole("button", { name: "Review" }).click();
  await expect(page.locator("#image-error")).toContainText("Use an ECR image");
  await expect(page.locator("#env-0-name-error")).toContainText("do not start with a digit");
  await expect(page.getByRole("list", { name: "Plan steps" })).toHaveCount(0);
  const calls = await sandbox.calls();
  expect(calls.total, JSON.stringify(calls)).toBe(0);
});

test("the wizard launches a host whose user data runs the image with its port and environment", async ({ page }) => {
  await asOperator(page);
  await page.goto("/ec2/hosts");
  await expect(page.getByText("No EC2 Docker hosts")).toBeVisible();
  await page.getByRole("link", { name: "Launch host" }).first().click();
  await page.getByLabel("Host name").fill(host);
  await page.getByLabel("Instance type").selectOption("t3.small");
  await page.getByLabel("Root volume (GiB)").fill("20");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Source CIDR").fill("203.0.113.0/24");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("textbox", { name: "Image", exact: true }).fill("nginx:1.27");
  await page.getByLabel("Host port").fill("8080");
  await page.getByLabel("Container port").fill("80");
  await page.getByRole("button", { name: "Add variable" }).click();
  await page.getByLabel("Variable 1 name").fill("GREETING");
  await page.getByLabel("Variable 1 value").fill(tricky);

  captured = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && r.headers()["next-action"]) captured.push(r);
  });
  await page.getByRole("button", { name: "Review" }).click();
  const steps = page.getByRole("list", { name: "Plan steps" }).getByRole("listitem");
  await expect(steps).toHaveCount(10);
  await expect(steps.nth(9)).toContainText("ec2:RunInstances");
  const userData = page.getByLabel("User data");
  await expect(userData).toContainText("dnf install -y docker");
  await expect(userData).toContainText("'--publish' '8080:80'");
  await page.screenshot({ path: "test-results/ec2-host-review.png", fullPage: true });
  await page.getByRole("button", { name: "Launch host" }).click();
  await runSucceeded(page);

  const found = await ec2().send(new DescribeInstancesCommand({ Filters: [{ Name: "tag:portside:host", Values: [host] }] }));
  const instance = found.Reservations![0]!.Instances![0]!;
  instanceId = instance.InstanceId!;
  expect(instance.Tags).toEqual(expect.arrayContaining([{ Key: "portside:managed", Value: "true" }, { Key: "Name", Value: host }]));
  expect(instance.InstanceType).toBe("t3.small");
  expect(instance.IamInstanceProfile?.Arn).toMatch(new RegExp(`instance-profile/PortsideHost-${host}$`));

  const attribute = await ec2().send(new DescribeInstanceAttributeCommand({ InstanceId: instanceId, Attribute: "userData" }));
  const script = Buffer.from(attribute.UserData!.Value!, "base64").toString("utf8");
  expect(script).toContain(
    `docker 'run' '--detach' '--name' '${host}' '--restart' 'unless-stopped' '--publish' '8080:80' '--log-driver' 'awslogs' '--log-opt' 'awslogs-region=us-east-1' '--log-opt' 'awslogs-group=/portside/hosts/${host}' '--env' 'GREETING=it'\\''s "quoted" $HOME; touch /tmp/x' 'nginx:1.27'`,
  );

  const groups = await ec2().send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: "group-name", Values: [`portside-host-${host}`] }] }));
  const rule = groups.SecurityGroups![0]!.IpPermissions![0]!;
  expect(rule).toMatchObject({ IpProtocol: "tcp", FromPort: 8080, ToPort: 8080 });
  expect(rule.IpRanges?.map((r) => r.CidrIp)).toEqual(["203.0.113.0/24"]);
  expect(instance.NetworkInterfaces?.[0]?.Groups?.map((g) => g.GroupId)).toEqual([groups.SecurityGroups![0]!.GroupId]);

  const profile = await iam().send(new GetInstanceProfileCommand({ InstanceProfileName: `PortsideHost-${host}` }));
  expect(profile.InstanceProfile!.Roles!.map((r) => r.RoleName)).toEqual([`PortsideHost-${host}`]);
  const attached = await iam().send(new ListAttachedRolePoliciesCommand({ RoleName: `PortsideHost-${host}` }));
  expect(attached.AttachedPolicies!.map((p) => p.PolicyName).sort()).toEqual(["AmazonEC2ContainerRegistryReadOnly", "AmazonSSMManagedInstanceCore"]);
});

test("the hosts page shows the host; its page shows state, status checks, console output, logs and CPU", async ({ page }) => {
  await asOperator(page);
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "EC2 hosts" }).click();
  const row = page.getByRole("row", { name: new RegExp(host) });
  await expect(row).toContainText("running");
  await expect(row).toContainText("ok");
  await expect(row).toContainText("nginx:1.27");
  await page.screenshot({ path: "test-results/ec2-hosts-list.png", fullPage: true });
  await row.getByRole("link", { name: host }).click();
  await expect(page).toHaveURL(new RegExp(`/ec2/hosts/${instanceId}$`));
  await expect(page.getByTestId("status-checks")).toHaveText("ok");
  await expect(page.getByLabel("Console output")).toContainText("cloud-init[1851]: + docker 'run'");
  await expect(page.getByLabel("Container logs")).toContainText(`container ${host} started on ${instanceId} from nginx:1.27`);
  await expect(page.getByTestId("cpu-latest")).toContainText("% average");
  await expect(page.getByRole("link", { name: /^http:\/\/.+:8080$/ })).toBeVisible();
  await expect(page.getByLabel("Instance", { exact: true })).toContainText(`portside-host-${host}`);
  await page.screenshot({ path: "test-results/ec2-host-detail.png", fullPage: true });
});

test("an instance launched elsewhere is listed when its tag is named, and only then", async ({ page }) => {
  const other = await ec2().send(new RunInstancesCommand({
    ImageId: "ami-12c6146b", MinCount: 1, MaxCount: 1, InstanceType: "t3.micro",
    TagSpecifications: [{ ResourceType: "instance", Tags: [{ Key: "Name", Value: "legacy-app" }, { Key: "team", Value: "payments" }] }],
  }));
  const otherId = other.Instances![0]!.InstanceId!;
  await asOperator(page);
  await page.goto("/ec2/hosts");
  await expect(page.getByRole("row", { name: new RegExp(host) })).toBeVisible();
  await expect(page.getByRole("row", { name: /legacy-app/ })).toHaveCount(0);
  await page.getByLabel("Tag key").fill("team");
  await page.getByLabel("Tag value (optional)").fill("payments");
  await page.getByRole("button", { name: "List tagged instances" }).click();
  await expect(page).toHaveURL(/tagKey=team&tagValue=payments/);
  const row = page.getByRole("row", { name: /legacy-app/ });
  await expect(row).toContainText(`${otherId} · not launched by Portside`);
  await expect(page.getByRole("row", { name: new RegExp(host) })).toBeVisible();
  await page.goto("/ec2/hosts?tagKey=team&tagValue=finance");
  await expect(page.getByRole("row", { name: /legacy-app/ })).toHaveCount(0);
});

test("Replace container runs the reviewed command through SSM and shows its output", async ({ page }) => {
  const operator = await asOperator(page);
  await page.goto(`/ec2/hosts/${instanceId}`);
  await expect(page.getByTestId("container-replaced")).toHaveCount(0);
  await page.getByLabel("New image").fill("nginx:1.28");
  await page.getByRole("button", { name: "Add variable" }).click();
  await page.getByLabel("Variable 2 name").fill("API_TOKEN");
  await page.getByLabel("Variable 2 value").fill("s3cret-token-value");
  await page.getByRole("button", { name: "Review" }).click();
  const command = page.getByLabel("Command to run");
  await expect(command).toContainText("docker pull 'nginx:1.28'");
  await expect(command).toContainText(`docker rm --force '${host}' || true`);
  await expect(command).toContainText("GREETING=it'\\''s");
  await page.getByRole("button", { name: "Replace container" }).click();
  await runSucceeded(page);

  const [sent] = await query<{ request: { DocumentName: string; Parameters: { commands: string[] } } }>(
    `SELECT s.request FROM "PlanStep" s JOIN "PlanRun" r ON r.id = s."runId" WHERE $1 = ANY(r.resources) AND s.operation = 'SendCommand'`,
    [`ec2:instance/${instanceId}`],
  );
  expect(sent!.request.DocumentName).toBe("AWS-RunShellScript");
  expect(sent!.request.Parameters.commands).toContain("docker pull 'nginx:1.28'");

  await page.goto(`/ec2/hosts/${instanceId}`);
  await expect(page.getByTestId("command-status")).toHaveText("Success");
  await expect(page.getByLabel("Command output")).toContainText("Status: Downloaded newer image for nginx:1.28");
  await expect(page.getByLabel("Container", { exact: true })).toContainText("nginx:1.28");
  await expect(page.getByLabel("Container logs")).toContainText(`container ${host} replaced on ${instanceId} from nginx:1.28`);

  // The page shows what runs now (not the first boot's user data), who replaced it and when,
  // with the environment's names and never its values.
  const container = page.getByLabel("Container", { exact: true });
  await expect(container).toContainText("GREETING, API_TOKEN");
  await expect(container).not.toContainText("s3cret-token-value");
  const replaced = page.getByTestId("container-replaced");
  await expect(replaced).toContainText(`Replaced by ${operator.name} at `);
  await expect(replaced).toContainText("first boot ran nginx:1.27");
  await page.screenshot({ path: "test-results/ec2-host-replaced.png", fullPage: true });
  await replaced.getByRole("link", { name: "run" }).click();
  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i);

  // AWS holds the new image and the environment's fingerprint on the instance, not the values.
  const tags = Object.fromEntries((await instanceOf(instanceId)).Tags!.map((t) => [t.Key, t.Value]));
  expect(tags["portside:image"]).toBe("nginx:1.28");
  expect(tags["portside:env-hash"]).toMatch(/^[0-9a-f]{32}$/);
  expect(JSON.stringify(tags)).not.toContain("s3cret");
  // The live stream sends the names only.
  const streamed = await page.evaluate(async (id) => {
    const res = await fetch(`/api/live/hosts/${id}`);
    const reader = res.body!.getReader();
    let text = "";
    while (!/event: data\ndata: [^\n]*\n\n/.test(text)) text += new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
    return text;
  }, instanceId);
  expect(streamed).toContain("API_TOKEN");
  expect(streamed).not.toContain("s3cret-token-value");
});

test("stop, then start the host; an open host page follows without a reload, Replace container with it", async ({ page, context }) => {
  await asOperator(page);
  // A second tab stays on the host page: the live view must show each new state by itself.
  const watcher = await context.newPage();
  await watcher.goto(`/ec2/hosts/${instanceId}`);
  await expect(watcher.getByTestId("host-state")).toHaveText("running");
  await expect(watcher.getByRole("status").filter({ hasText: "Live" })).toContainText("as of");
  await expect(watcher.getByLabel("New image")).toBeVisible();
  await watcher.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  for (const [label, state] of [["Stop", "stopped"], ["Start", "running"]] as const) {
    await page.goto(`/ec2/hosts/${instanceId}`);
    await page.getByRole("button", { name: label, exact: true }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByRole("list", { name: "Requests" })).toContainText(`ec2:${label}Instances`);
    await dialog.getByRole("button", { name: `${label} host` }).click();
    await runSucceeded(page);
    expect((await instanceOf(instanceId)).State?.Name).toBe(state);
    await expect(watcher.getByTestId("host-state")).toHaveText(state, { timeout: 30_000 });
    // The actions follow the state too: a stopped host can be started, not stopped.
    await expect(watcher.getByRole("button", { name: state === "stopped" ? "Start" : "Stop", exact: true })).toBeEnabled();
    if (state === "stopped") {
      await expect(watcher.getByRole("link", { name: /^http:\/\// })).toHaveCount(0);
      // SSM reaches only a running instance: the Replace container form gives way to a sentence saying why.
      await expect(watcher.getByTestId("replace-unavailable")).toContainText("The host is stopped: SSM Run Command reaches only a running instance");
      await expect(watcher.getByLabel("New image")).toHaveCount(0);
      await watcher.screenshot({ path: "test-results/ec2-host-stopped-live.png", fullPage: true });
    }
  }
  await expect(watcher.getByRole("link", { name: /^http:\/\/.+:8080$/ })).toBeVisible({ timeout: 30_000 });
  await expect(watcher.getByTestId("replace-unavailable")).toHaveCount(0);
  await expect(watcher.getByLabel("New image")).toBeVisible();
  expect(await watcher.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  await watcher.close();
});

test("Move to ECS opens Express Mode prefilled with the host's image, port and environment", async ({ page }) => {
  await asOperator(page);
  await page.goto(`/ec2/hosts/${instanceId}`);
  await page.getByRole("link", { name: "Move to ECS Express Mode" }).click();
  await expect(page).toHaveURL(/\/ecs\/express\/new\?prefill=/);
  await expect(page.getByText(`Prefilled from EC2 Docker host ${host} (${instanceId})`)).toBeVisible();
  await expect(page.getByLabel("Image URI")).toHaveValue("nginx:1.28");
  await expect(page.getByLabel("Container port")).toHaveValue("80");
  await expect(page.getByLabel("CPU")).toHaveValue("2048");
  await expect(page.getByLabel("Memory")).toHaveValue("4096");
});

test("a viewer sees the hosts but cannot launch or change one; anonymous requests are refused", async ({ page, browser, request }) => {
  const viewer = await seedUser("viewer");
  const context = await browser.newContext();
  const viewerPage = await context.newPage();
  await login(viewerPage, viewer.email, viewer.password);
  await viewerPage.goto("/ec2/hosts");
  await expect(viewerPage.getByRole("row", { name: new RegExp(host) })).toBeVisible();
  await expect(viewerPage.getByRole("link", { name: "Launch host" })).toHaveCount(0);
  await viewerPage.goto(`/ec2/hosts/${instanceId}`);
  await expect(viewerPage.getByTestId("status-checks")).toBeVisible();
  await expect(viewerPage.getByRole("button", { name: "Terminate" })).toHaveCount(0);
  await expect(viewerPage.getByRole("link", { name: "Move to ECS Express Mode" })).toHaveCount(0);
  await viewerPage.goto("/ec2/hosts/new");
  await expect(viewerPage).toHaveURL(/\/forbidden\?needed=operator/);

  // The create wizard's preview, replayed by a viewer and by nobody: refused before any AWS call.
  const preview = captured[0]!;
  await sandbox.quiet();
  await sandbox.resetCalls();
  const replay = (r: Request) => ({
    headers: { "next-action": r.headers()["next-action"]!, "content-type": r.headers()["content-type"]!, accept: "text/x-component" },
    data: Buffer.from(r.postDataBuffer()!.toString("utf8").replace(host, "viewer-made-this")),
  });
  expect(await (await viewerPage.request.post(preview.url(), replay(preview))).text()).toContain("Your role cannot launch EC2 hosts: it needs the operator role.");
  expect(await (await request.post(preview.url(), replay(preview))).text()).toContain("Your session has ended. Sign in again.");
  expect((await sandbox.calls()).total).toBe(0);
  for (const url of ["/ec2/hosts", `/ec2/hosts/${instanceId}`, "/ec2/hosts/new"]) {
    const anonymous = await request.get(url, { maxRedirects: 0 });
    expect(anonymous.status(), url).toBe(307);
    expect(anonymous.headers().location, url).toMatch(/^\/login/);
  }
  // The live stream: anonymous is refused; a malformed instance id is a 404 with no AWS call.
  expect((await request.get(`/api/live/hosts/${instanceId}`, { maxRedirects: 0 })).status()).toBe(401);
  expect((await viewerPage.request.get("/api/live/hosts/i-zz%00")).status()).toBe(404);
  expect((await viewerPage.request.get("/api/live/hosts/..%2F..%2Fapi%2Fhealth")).status()).toBe(404);
  // A malformed instance id is a 404 with no AWS call.
  expect((await viewerPage.request.get("/ec2/hosts/i-zz%00")).status()).toBe(404);
  expect((await sandbox.calls()).total).toBe(0);
  await context.close();
});

test("terminate needs the typed name, then removes the instance and what Portside created for it", async ({ page }) => {
  await asOperator(page);
  await page.goto(`/ec2/hosts/${instanceId}`);
  await page.getByRole("button", { name: "Terminate", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("list", { name: "Requests" })).toContainText("iam:DeleteRole");
  const confirm = dialog.getByRole("button", { name: "Terminate host" });
  await expect(confirm).toBeDisabled();
  await dialog.getByRole("textbox").fill(host);
  await confirm.click();
  await runSucceeded(page);

  expect((await instanceOf(instanceId)).State?.Name).toBe("terminated");
  const groups = await ec2().send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: "group-name", Values: [`portside-host-${host}`] }] }));
  expect(groups.SecurityGroups).toEqual([]);
  await expect(iam().send(new GetInstanceProfileCommand({ InstanceProfileName: `PortsideHost-${host}` }))).rejects.toMatchObject({ name: "NoSuchEntityException" });
  const left = await logs().send(new DescribeLogGroupsCommand({ logGroupNamePrefix: `/portside/hosts/${host}` }));
  expect(left.logGroups).toEqual([]);
});
