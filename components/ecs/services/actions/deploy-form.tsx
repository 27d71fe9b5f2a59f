"use client";

import { useState } from "react";
import { ImagePicker } from "@/components/ecr/image-picker/image-picker";
import { Field, fieldAria } from "@/components/ui/field";
import { Input, RadioCards, Select } from "@/components/ui/input";
import { deployServiceAction, previewDeployServiceAction } from "@/lib/ecs/services/ops-actions";
import { deployServiceSchema } from "@/lib/ecs/services/ops-schema";
import { ContextStatus } from "./context-status";
import { PlanActionForm, type ServiceTarget } from "./plan-action-form";
import { useServiceContext } from "./use-service-context";
import { plural } from "@/lib/core/format/plural";

/**
 * Deploy a new image tag (a new revision copied from the running one, only that container's
 * image changed) or another revision of the family; the run follows the rollout.
 */
export function DeployForm({ target, onCancel }: { target: ServiceTarget; onCancel: () => void }) {
  const { context, error } = useServiceContext(target, "deploy");
  const [edits, setEdits] = useState<{ mode?: string; container?: string; image?: string; taskDefinition?: string }>({});
  if (!context) return <ContextStatus error={error} />;
  const others = context.revisions.filter((r) => r !== context.taskDefinition);
  const mode = edits.mode ?? "image";
  const container = edits.container ?? context.containers[0]?.name ?? "";
  const running = context.containers.find((c) => c.name === container)?.image ?? "";
  const image = edits.image ?? running;
  const taskDefinition = edits.taskDefinition ?? others[0] ?? "";
  const values: Record<string, string> = mode === "image" ? { mode, container, image } : { mode, taskDefinition };
  return (
    <PlanActionForm target={target} schema={deployServiceSchema} fields={Object.keys(values)} values={values}
      preview={previewDeployServiceAction} confirm={deployServiceAction} onCancel={onCancel} confirmLabel="Deploy"
      reviewNote={<p className="text-xs text-ink-muted">ECS starts tasks of the new revision and stops the old ones as the deployment settings allow; the run page follows the rollout until it completes.</p>}>
      {(w) => {
        const set = (patch: typeof edits) => { setEdits((e) => ({ ...e, ...patch })); for (const k of Object.keys(patch)) w.touch(k); };
        return (
          <>
            <p className="text-sm">{target.service} runs <strong className="font-mono">{context.taskDefinition}</strong>.</p>
            <RadioCards name="mode" legend="What to deploy" value={mode} onValueChange={(m) => set({ mode: m })} options={[
              { value: "image", label: "A new image", description: `Registers the next revision of ${context.taskDefinition.split(":")[0]} with one container's image changed.` },
              { value: "revision", label: "Another revision", description: others.length ? `One of ${plural(others.length, "other ACTIVE revision")} of the family.` : "The family has no other ACTIVE revision.", disabled: !others.length },
            ]} />
            {mode === "image" ? (
              <div className="grid gap-4 sm:grid-cols-[12rem_1fr]">
                <Field label="Container" htmlFor="container" error={w.errorFor("container")}>
                  <Select id="container" name="container" value={container} onChange={(e) => set({ container: e.target.value, image: undefined })} {...fieldAria("container", w.errorFor("container"))}>
                    {context.containers.map((c) => <option key={c.name} value={c.name}>{c.name}</option>)}
                  </Select>
                </Field>
                <Field label="Image" htmlFor="image" error={w.errorFor("image")} hint={<>Running now: <span className="font-mono break-all">{running}</span></>}>
                  <Input id="image" name="image" value={image} autoFocus autoComplete="off" spellCheck={false} className="w-full font-mono"
                    onChange={(e) => set({ image: e.target.value })} {...fieldAria("image", w.errorFor("image"), true)} />
                </Field>
                <div className="sm:col-span-2">
                  <ImagePicker connectionId={target.connectionId} region={target.region} onPick={(uri) => set({ image: uri })} />
                </div>
              </div>
            ) : (
              <Field label="Revision" htmlFor="taskDefinition" error={w.errorFor("taskDefinition")}>
                <Select id="taskDefinition" name="taskDefinition" value={taskDefinition} className="w-64" onChange={(e) => set({ taskDefinition: e.target.value })} {...fieldAria("taskDefinition", w.errorFor("taskDefinition"))}>
                  {others.map((r) => <option key={r} value={r}>{r}</option>)}
                </Select>
              </Field>
            )}
          </>
        );
      }}
    </PlanActionForm>
  );
}
