import { AssociateRouteTableCommand, CreateRouteTableCommand, CreateSubnetCommand } from "@aws-sdk/client-ec2";
import { expect, test } from "@playwright/test";
import { login } from "./fixtures/auth";
import { seedUser } from "./fixtures/db";
import { defaultVpc, ec2, seedClusterAndTaskDefinition } from "./fixtures/ecs-service";
import { sandbox } from "./fixtures/sandbox";

const cluster = `net-${Date.now()}`;
let taskDefinition = "";
const privateSubnets: string[] = [];

test.beforeAll(async () => {
  await sandbox.reset();
  taskDefinition = await seedClusterAndTaskDefinition(cluster, "netapp");
  // Two private subnets, as on AWS: a route table without the internet route, associated with them
  // (the default VPC's main table routes 0.0.0.0/0 to its internet gateway).
  const { vpcId } = await defaultVpc();
  const table = (await ec2().send(new CreateRouteTableCommand({ VpcId: vpcId }))).RouteTable!.RouteTableId!;
  for (const [cidr, az] of [["172.31.192.0/20", "us-east-1a"], ["172.31.208.0/20", "us-east-1b"]] as const) {
    const subnet = (await ec2().send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: cidr, AvailabilityZone: az }))).Subnet!.SubnetId!;
    await ec2().send(new AssociateRouteTableCommand({ RouteTableId: table, SubnetId: subnet }));
    privateSubnets.push(subnet);
  }
});

test("an internet-facing ALB in subnets labelled private is warned about at the field and at review", async ({ page }) => {
  const operator = await seedUser("operator");
  await login(page, operator.email, operator.password);
  const name = `edge${Date.now() % 100000}`;
  await page.goto(`/ecs/clusters/${cluster}/services/new?taskDefinition=${taskDefinition}`);
  await page.getByLabel("Service name").fill(name);
  await page.getByRole("button", { name: "Next" }).click();

  // Only the two private subnets.
  const { subnets } = await defaultVpc();
  for (const s of subnets) {
    const box = page.getByRole("checkbox", { name: new RegExp(s.id) });
    if (privateSubnets.includes(s.id)) {
      await expect(box).toBeChecked();
      await expect(page.getByText(new RegExp(`${s.az} · [0-9./]+ · private`)).first()).toBeVisible();
    } else {
      await box.uncheck();
    }
  }
  await page.getByLabel("Security group name").fill(`${name}-sg`);
  await page.getByRole("button", { name: "Next" }).click();

  await page.getByText("New Application Load Balancer").click();
  const warning = page.getByTestId("alb-private-subnets");
  await expect(warning).toContainText(`Subnets ${privateSubnets.join(", ")} have no route to an internet gateway (private)`);
  await expect(warning).toContainText("receives no traffic from the internet");
  await expect(page.getByLabel("Scheme")).toHaveAttribute("aria-describedby", /loadBalancerScheme-private/);
  await page.screenshot({ path: ".test-reports/screenshots/alb-private-subnets.png", fullPage: true });
  // An internal load balancer belongs in private subnets: nothing to say.
  await page.getByLabel("Scheme").selectOption("internal");
  await expect(warning).toHaveCount(0);
  await page.getByLabel("Scheme").selectOption("internet-facing");
  await expect(warning).toBeVisible();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Review" }).click();

  await expect(page.getByRole("list", { name: "Plan steps" }).getByRole("listitem").first()).toBeVisible();
  await expect(page.getByTestId("review-alb-private-subnets")).toContainText(`Subnets ${privateSubnets.join(", ")} have no route to an internet gateway`);
});
