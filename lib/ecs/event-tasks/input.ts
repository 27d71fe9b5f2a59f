/**
 * The input transformer that hands an S3 object to a task: EventBridge reads the bucket and key
 * from the "Object Created" event and sends ECS the task overrides, which set two environment
 * variables of one container. Pure, so the wizard shows the same JSON the plan sends.
 */

export type TransformerSettings = { container: string; bucketVariable: string; keyVariable: string };

export type InputTransformer = { InputPathsMap: Record<string, string>; InputTemplate: string };

export const INPUT_PATHS = { bucket: "$.detail.bucket.name", key: "$.detail.object.key" } as const;

export function s3InputTransformer(s: TransformerSettings): InputTransformer {
  // Names are validated (container: letters, digits, - and _; variables: env var names), so they need no escaping.
  const template = `{"containerOverrides":[{"name":"${s.container}","environment":[{"name":"${s.bucketVariable}","value":"<bucket>"},{"name":"${s.keyVariable}","value":"<key>"}]}]}`;
  return { InputPathsMap: { ...INPUT_PATHS }, InputTemplate: template };
}

/** What ECS receives for one upload: the template with the object's bucket and key filled in. */
export function sampleOverrides(s: TransformerSettings, bucket: string, key: string): unknown {
  return {
    containerOverrides: [{ name: s.container, environment: [{ name: s.bucketVariable, value: bucket }, { name: s.keyVariable, value: key }] }],
  };
}

/** A key an upload matching the prefix and suffix could have, for the preview. */
export function sampleKey(prefix: string, suffix: string): string {
  return `${prefix}example${suffix || ".csv"}`;
}
