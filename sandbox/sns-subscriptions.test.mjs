import { test } from "node:test";
import assert from "node:assert/strict";
import { SnsSubscriptions } from "./sns-subscriptions.mjs";

const ident = (operation) => ({ service: "sns", operation, region: "us-east-1" });
const form = (o) => Buffer.from(new URLSearchParams(o).toString());
const topic = "arn:aws:sns:us-east-1:123456789012:alerts";
const arn = `${topic}:0f1e2d3c`;
const subscribed = `<SubscribeResponse><SubscribeResult><SubscriptionArn>${arn}</SubscriptionArn></SubscribeResult></SubscribeResponse>`;

test("a new e-mail subscription is pending until confirmed, as AWS reports it", () => {
  const s = new SnsSubscriptions();
  const out = s.after(ident("Subscribe"), form({ Action: "Subscribe", TopicArn: topic, Protocol: "email", Endpoint: "a@example.com" }), 200, subscribed);
  assert.match(out, /<SubscriptionArn>pending confirmation<\/SubscriptionArn>/);
  assert.equal(s.isPending(arn), true);
  const list = `<ListSubscriptionsByTopicResponse><Subscriptions><member><SubscriptionArn>${arn}</SubscriptionArn><Protocol>email</Protocol></member><member><SubscriptionArn>${topic}:other</SubscriptionArn></member></Subscriptions></ListSubscriptionsByTopicResponse>`;
  const listed = s.after(ident("ListSubscriptionsByTopic"), form({ TopicArn: topic }), 200, list);
  assert.match(listed, /<SubscriptionArn>PendingConfirmation<\/SubscriptionArn>/);
  assert.match(listed, /:other</);
  assert.deepEqual(s.confirm({ topicArn: topic, endpoint: "a@example.com" }), [arn]);
  assert.equal(s.isPending(arn), false);
  assert.equal(s.after(ident("ListSubscriptionsByTopic"), form({ TopicArn: topic }), 200, list), list);
});

test("ReturnSubscriptionArn keeps the ARN; other protocols and errors are left alone", () => {
  const s = new SnsSubscriptions();
  assert.equal(s.after(ident("Subscribe"), form({ TopicArn: topic, Protocol: "email", Endpoint: "a@example.com", ReturnSubscriptionArn: "true" }), 200, subscribed), undefined);
  assert.equal(s.isPending(arn), true);
  const t = new SnsSubscriptions();
  assert.equal(t.after(ident("Subscribe"), form({ TopicArn: topic, Protocol: "sqs", Endpoint: "arn:aws:sqs:us-east-1:123456789012:q" }), 200, subscribed), undefined);
  assert.equal(t.after(ident("Subscribe"), form({ TopicArn: topic, Protocol: "email", Endpoint: "a@example.com" }), 400, "<Error/>"), undefined);
  assert.equal(t.isPending(arn), false);
  assert.deepEqual(t.confirm({ subscriptionArn: "nope" }), []);
});
