import { describe, expect, it } from "vitest";
import { describeTarget, ruleKind } from "./classify";

const cluster = "arn:aws:ecs:us-east-1:123456789012:cluster/jobs";
const topic = "arn:aws:sns:us-east-1:123456789012:ops";

describe("Events page rule kinds", () => {
  it("describes ECS task targets by count, family and capacity", () => {
    expect(describeTarget({ Id: "t", Arn: cluster, EcsParameters: { TaskDefinitionArn: "arn:aws:ecs:us-east-1:123456789012:task-definition/etl:3", TaskCount: 2, LaunchType: "FARGATE" } }).detail).toBe("2 × etl:3 on jobs (FARGATE)");
    expect(describeTarget({ Id: "t", Arn: cluster, EcsParameters: { TaskDefinitionArn: "x/etl:1", CapacityProviderStrategy: [{ capacityProvider: "FARGATE_SPOT" }] } }).detail).toBe("1 × etl:1 on jobs (FARGATE_SPOT)");
    expect(describeTarget({ Id: "s", Arn: topic }).kind).toBe("sns");
    expect(describeTarget({ Id: "q", Arn: "arn:aws:sqs:us-east-1:123456789012:q" }).kind).toBe("other");
  });

  it("keeps task-running rules and ECS alert rules to SNS, nothing else", () => {
    const ecsTarget = describeTarget({ Arn: cluster, EcsParameters: {} });
    const snsTarget = describeTarget({ Arn: topic });
    expect(ruleKind('{"source":["aws.s3"]}', [ecsTarget])).toBe("runs-tasks");
    expect(ruleKind('{"source":["aws.ecs"],"detail-type":["ECS Task State Change"]}', [snsTarget])).toBe("task-alert");
    expect(ruleKind('{"source":["aws.ecs"],"detail-type":["ECS Deployment State Change"]}', [snsTarget])).toBe("deployment-alert");
    expect(ruleKind('{"source":["aws.s3"]}', [snsTarget])).toBeNull();
    expect(ruleKind('{"source":["aws.ecs"],"detail-type":["ECS Task State Change"]}', [])).toBeNull();
  });
});
