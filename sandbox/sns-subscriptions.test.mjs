import { expect, it } from "vitest";
import { SnsSubscriptions } from "./sns-subscriptions.mjs";

const ident = (operation) => ({ service: "sns", operation, region: "us-east-1" });
const form = (o) => Buffer.from(new URLSearchParams(o).toString());
const topic = "arn:aws:sns:us-east-1:123456789012:alerts";
const arn = `${topic}:0f1e2d3c`;
const subscribed = `<SubscribeResponse><SubscribeResult><SubscriptionArn>${arn}</SubscriptionArn></SubscribeResult></SubscribeResponse>`;

it("a new e-mail subscription is pending until confirmed, as AWS reports it", () => {
  const s = new SnsSubscriptions();
  const out = s.after(ident("Subscribe"), form({ Action: "Subscribe", TopicArn: topic, Protocol: "email", Endpoint: "a@example.com" }), 200, subscribed);
  expect(out).toMatch(/<SubscriptionArn>pending confirmation<\/SubscriptionArn>/);
  expect(s.isPending(arn)).toBe(true);
  const before = s.pendingNow();
  const list = `<ListSubscriptionsByTopicResponse><Subscriptions><member><SubscriptionArn>${arn}</SubscriptionArn><Protocol>email</Protocol></member><member><SubscriptionArn>${topic}:other</SubscriptionArn></member></Subscriptions></ListSubscriptionsByTopicResponse>`;
  const listed = s.after(ident("ListSubscriptionsByTopic"), form({ TopicArn: topic }), 200, list);
  expect(listed).toMatch(/<SubscriptionArn>PendingConfirmation<\/SubscriptionArn>/);
  expect(listed).toMatch(/:other</);
  expect(s.confirm({ topicArn: topic, endpoint: "a@example.com" })).toEqual([arn]);
  expect(s.isPending(arn)).toBe(false);
  expect(before.has(arn)).toBe(true);
  expect(s.after(ident("ListSubscriptionsByTopic"), form({ TopicArn: topic }), 200, list)).toBe(list);
});

it("ReturnSubscriptionArn keeps the ARN; other protocols and errors are left alone", () => {
  const s = new SnsSubscriptions();
  expect(s.after(ident("Subscribe"), form({ TopicArn: topic, Protocol: "email", Endpoint: "a@example.com", ReturnSubscriptionArn: "true" }), 200, subscribed)).toBe(undefined);
  expect(s.isPending(arn)).toBe(true);
  const t = new SnsSubscriptions();
  expect(t.after(ident("Subscribe"), form({ TopicArn: topic, Protocol: "sqs", Endpoint: "arn:aws:sqs:us-east-1:123456789012:q" }), 200, subscribed)).toBe(undefined);
  expect(t.after(ident("Subscribe"), form({ TopicArn: topic, Protocol: "email", Endpoint: "a@example.com" }), 400, "<Error/>")).toBe(undefined);
  expect(t.isPending(arn)).toBe(false);
  expect(t.confirm({ subscriptionArn: "nope" })).toEqual([]);
});
