import { expect, it } from "vitest";
import { HOOK_STAGES } from "./fields";
import { hookRowsOf, lifecycleHooks, parseHookDetails } from "./hooks";

it("hook details: a JSON object, bounded, without prototype keys", () => {
  expect(parseHookDetails('{"suite":"smoke","n":[1,{"a":2}]}')).toEqual({ value: { suite: "smoke", n: [1, { a: 2 }] } });
  expect(parseHookDetails("nope")).toHaveProperty("error");
  expect(parseHookDetails('"text"')).toHaveProperty("error");
  expect(parseHookDetails("[1]")).toHaveProperty("error");
  expect(parseHookDetails('{"__proto__":{"x":1}}')).toEqual({ error: "Hook details cannot use the key __proto__." });
  expect(parseHookDetails('{"a":{"constructor":1}}')).toEqual({ error: "Hook details cannot use the key constructor." });
  expect(parseHookDetails(`${"{\"a\":".repeat(9)}1${"}".repeat(9)}`)).toEqual({ error: "Hook details nest at most 8 levels." });
  expect(parseHookDetails(`{"a":"${"x".repeat(5000)}"}`)).toHaveProperty("error");
});

it("rows from DescribeServices and back give the same hooks", () => {
  const hooks = [
    { hookTargetArn: "arn:aws:lambda:us-east-1:123456789012:function:smoke", roleArn: "arn:aws:iam::123456789012:role/h", lifecycleStages: ["POST_SCALE_UP"], hookDetails: { suite: "smoke" } },
    { targetType: "PAUSE", lifecycleStages: ["PRE_PRODUCTION_TRAFFIC_SHIFT"] },
  ];
  expect(lifecycleHooks(hookRowsOf(hooks))).toEqual(hooks);
  expect(hookRowsOf(undefined)).toEqual([]);
  expect(hookRowsOf(Array.from({ length: 30 }, () => hooks[1]!))).toHaveLength(10);
  expect(lifecycleHooks([{ kind: "lambda", targetArn: "t", roleArn: "r", stages: [...HOOK_STAGES].reverse(), details: "" }])[0]!.lifecycleStages).toEqual([...HOOK_STAGES]);
});
