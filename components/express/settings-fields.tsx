"use client";

import { ImagePicker } from "@/components/ecr/image-picker/image-picker";
import { Field, fieldAria } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { CPU_OPTIONS, cpuLabel, FARGATE_SIZES, memoryLabel, SCALING_METRIC_LABELS, SCALING_METRICS } from "@/lib/express/schema";

/** The form's view of an Express service's settings: strings, as inputs hold them. */
export type SettingsValues = {
  image: string;
  containerPort: string;
  cpu: string;
  memory: string;
  minTasks: string;
  maxTasks: string;
  scalingMetric: string;
  scalingTarget: string;
  healthCheckPath: string;
};

type Props<V extends SettingsValues> = {
  values: V;
  set: (patch: Partial<V>) => void;
  errorFor: (key: string) => string[] | undefined;
  touch: (key: string) => void;
};

function useControl<V extends SettingsValues>({ values, set, errorFor, touch }: Props<V>) {
  return (k: keyof SettingsValues & string) => ({
    id: k,
    name: k,
    value: values[k],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => set({ [k]: e.target.value } as Partial<V>),
    onBlur: () => touch(k),
    ...fieldAria(k, errorFor(k)),
  });
}

/** The image and port; `picker` (the connection and region) offers the ECR image picker under the image field. */
export function ContainerFields<V extends SettingsValues>({ picker, ...props }: Props<V> & { picker: { connectionId: string; region: string } }) {
  const control = useControl(props);
  const err = props.errorFor;
  return (
    <div className="grid gap-4 md:grid-cols-[1fr_10rem]">
      <Field label="Image URI" htmlFor="image" required error={err("image")}
        hint="ECR (123456789012.dkr.ecr.us-east-1.amazonaws.com/repo:tag), ECR Public (public.ecr.aws/…) or Docker Hub (name:tag, org/name:tag).">
        <Input {...control("image")} autoComplete="off" spellCheck={false} className="font-mono" placeholder="public.ecr.aws/docker/library/httpd:latest" />
      </Field>
      <Field label="Container port" htmlFor="containerPort" required error={err("containerPort")} hint="The port your app listens on.">
        <Input type="number" min={1} max={65535} {...control("containerPort")} />
      </Field>
      <div className="md:col-span-2">
        <ImagePicker connectionId={picker.connectionId} region={picker.region} onPick={(uri) => props.set({ image: uri } as Partial<V>)} />
      </div>
    </div>
  );
}

export function ComputeFields<V extends SettingsValues>(props: Props<V>) {
  const control = useControl(props);
  const err = props.errorFor;
  const { values, set } = props;
  const memories = FARGATE_SIZES[values.cpu] ?? [];
  const percent = values.scalingMetric !== "REQUEST_COUNT_PER_TARGET";
  return (
    <div className="space-y-4">
      <div className="grid gap-4 md:grid-cols-2">
        <Field label="CPU" htmlFor="cpu" error={err("cpu")} hint="Per task, on AWS Fargate.">
          <Select {...control("cpu")} onChange={(e) => {
            const cpu = e.target.value;
            const options = FARGATE_SIZES[cpu] ?? [];
            // Keep the memory when the new size offers it; else the smallest it does.
            set({ cpu, memory: options.includes(values.memory) ? values.memory : (options[0] ?? "") } as Partial<V>);
          }}>
            {CPU_OPTIONS.map((c) => <option key={c} value={c}>{cpuLabel(c)}</option>)}
          </Select>
        </Field>
        <Field label="Memory" htmlFor="memory" error={err("memory")} hint={`Sizes Fargate offers with ${cpuLabel(values.cpu)}.`}>
          <Select {...control("memory")}>
            {memories.map((m) => <option key={m} value={m}>{memoryLabel(m)}</option>)}
          </Select>
        </Field>
      </div>
      <div className="grid gap-4 md:grid-cols-[1fr_1fr_1.4fr_1fr]">
        <Field label="Minimum tasks" htmlFor="minTasks" error={err("minTasks")}><Input type="number" min={1} {...control("minTasks")} /></Field>
        <Field label="Maximum tasks" htmlFor="maxTasks" error={err("maxTasks")}><Input type="number" min={1} {...control("maxTasks")} /></Field>
        <Field label="Scaling metric" htmlFor="scalingMetric" error={err("scalingMetric")}>
          <Select {...control("scalingMetric")}>
            {SCALING_METRICS.map((m) => <option key={m} value={m}>{SCALING_METRIC_LABELS[m]}</option>)}
          </Select>
        </Field>
        <Field label={percent ? "Target (%)" : "Target (requests)"} htmlFor="scalingTarget" error={err("scalingTarget")}>
          <Input type="number" min={1} max={percent ? 100 : undefined} {...control("scalingTarget")} />
        </Field>
      </div>
      <p className="text-xs text-ink-muted">Tasks are added when the metric stays above the target and removed when it stays below, between the minimum and the maximum.</p>
      <Field label="Health check path" htmlFor="healthCheckPath" error={err("healthCheckPath")}
        hint="The load balancer requests this path on each task's container port; the task is healthy while it answers with an HTTP status from 200 to 399, and replaced when it does not. Use a path your image serves: / for most web servers (nginx, httpd answer /ping with 404).">
        <Input {...control("healthCheckPath")} className="font-mono" spellCheck={false} />
      </Field>
    </div>
  );
}
