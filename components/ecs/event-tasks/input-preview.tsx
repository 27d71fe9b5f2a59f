"use client";

import { sampleKey, sampleOverrides, s3InputTransformer } from "@/lib/ecs/event-tasks/input";

type Values = { bucket: string; keyPrefix: string; keySuffix: string; container: string; bucketVariable: string; keyVariable: string };

/** The input transformer, and the task overrides EventBridge sends ECS for one example upload. */
export function InputPreview({ values }: { values: Values }) {
  const key = sampleKey(values.keyPrefix, values.keySuffix);
  const bucket = values.bucket || "your-bucket";
  const transformer = s3InputTransformer(values);
  return (
    <div className="grid gap-3 md:grid-cols-2">
      <div>
        <p className="text-[13px] font-medium text-ink">Input transformer</p>
        <pre aria-label="Input transformer" className="mt-1 max-h-64 overflow-auto rounded-md border border-line bg-canvas p-2 font-mono text-xs [overflow-wrap:anywhere] whitespace-pre-wrap">
          {JSON.stringify({ InputPathsMap: transformer.InputPathsMap, InputTemplate: transformer.InputTemplate }, null, 2)}
        </pre>
      </div>
      <div>
        <p className="text-[13px] font-medium text-ink">What ECS receives for s3://{bucket}/{key}</p>
        <pre aria-label="Task overrides EventBridge sends" className="mt-1 max-h-64 overflow-auto rounded-md border border-line bg-canvas p-2 font-mono text-xs [overflow-wrap:anywhere] whitespace-pre-wrap">
          {JSON.stringify(sampleOverrides(values, bucket, key), null, 2)}
        </pre>
      </div>
    </div>
  );
}
