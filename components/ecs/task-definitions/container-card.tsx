"use client";

import { ImagePicker } from "@/components/ecr/image-picker/image-picker";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, fieldAria } from "@/components/ui/field";
import { Checkbox, Input, Select } from "@/components/ui/input";
import type { ContainerForm, PortForm, SecretForm } from "@/lib/ecs/task-definitions/form-values";
import { describeImage, parseImageUri } from "@/lib/ecs/task-definitions/image-uri";
import { EnvSection } from "./env-section";
import { Cell, RemoveButton } from "./rows";

type Props = {
  index: number;
  container: ContainerForm;
  region: string;
  /** With it, the image can be picked from the connection's ECR repositories. */
  connectionId?: string;
  windows: boolean;
  onChange: (patch: Partial<ContainerForm>) => void;
  onRemove?: () => void;
  errorFor: (key: string) => string[] | undefined;
  touch: (key: string) => void;
};

/** One container of the task definition, with the console's sections. */
export function ContainerCard({ index, container: c, region, connectionId, windows, onChange, onRemove, errorFor, touch }: Props) {
  const p = `containers.${index}`;
  const id = (k: string) => `c${index}-${k.replaceAll(".", "-")}`;
  const label = `container ${index + 1}`;
  const text = (k: "name" | "image" | "cpu" | "memory" | "memoryReservation" | "stopTimeout" | "user") => ({
    id: id(k),
    name: `${p}.${k}`,
    value: c[k],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => onChange({ [k]: e.target.value }),
    onBlur: () => touch(`${p}.${k}`),
    ...fieldAria(id(k), errorFor(`${p}.${k}`)),
  });
  const image = parseImageUri(c.image);
  const setPort = (j: number, patch: Partial<PortForm>) => onChange({ portMappings: c.portMappings.map((x, k) => (k === j ? { ...x, ...patch } : x)) });
  const setSecret = (j: number, patch: Partial<SecretForm>) => onChange({ secrets: c.secrets.map((x, k) => (k === j ? { ...x, ...patch } : x)) });
  const hc = c.healthCheck;
  const setHc = (patch: Partial<typeof hc>) => onChange({ healthCheck: { ...hc, ...patch } });
  const hcField = (k: "interval" | "timeout" | "retries" | "startPeriod", title: string, min: number, max: number) => (
    <Field label={title} htmlFor={id(`hc-${k}`)} error={errorFor(`${p}.healthCheck.${k}`)}>
      <Input id={id(`hc-${k}`)} name={`${p}.healthCheck.${k}`} type="number" min={min} max={max} value={hc[k]}
        onChange={(e) => setHc({ [k]: e.target.value })} onBlur={() => touch(`${p}.healthCheck.${k}`)} {...fieldAria(id(`hc-${k}`), errorFor(`${p}.healthCheck.${k}`))} />
    </Field>
  );

  return (
    <section aria-label={`Container ${index + 1}`}>
      <Card>
        <CardHeader title={`Container ${index + 1}${c.name ? ` · ${c.name}` : ""}`} actions={onRemove && <Button type="button" size="sm" variant="ghost" onClick={onRemove}>Remove container</Button>} />
        <CardBody className="space-y-5">
          <div className="grid gap-4 md:grid-cols-[1fr_2fr]">
            <Field label="Container name" htmlFor={id("name")} required error={errorFor(`${p}.name`)}>
              <Input {...text("name")} autoComplete="off" spellCheck={false} placeholder="web" />
            </Field>
            <Field label="Image URI" htmlFor={id("image")} required error={errorFor(`${p}.image`)}
              hint={image ? describeImage(image) : "ECR (123456789012.dkr.ecr.us-east-1.amazonaws.com/repo:tag), ECR Public (public.ecr.aws/…) or Docker Hub (nginx:1.27)."}>
              <Input {...text("image")} className="font-mono" autoComplete="off" spellCheck={false} placeholder="public.ecr.aws/nginx/nginx:latest" />
            </Field>
          </div>
          {connectionId && (
            <ImagePicker connectionId={connectionId} region={region} label={`Pick container ${index + 1}'s image from ECR`}
              onPick={(uri) => {
                onChange({ image: uri });
                touch(`${p}.image`);
              }} />
          )}
          <div>
            <input type="hidden" name={`${p}.essential`} value={String(c.essential)} />
            <Checkbox label="Essential container" description="If it stops, the whole task stops." checked={c.essential} onChange={(e) => onChange({ essential: e.target.checked })} />
            {errorFor(`${p}.essential`) && <p role="alert" className="mt-1 text-xs text-red-700">{errorFor(`${p}.essential`)![0]}</p>}
          </div>

          <fieldset className="space-y-2">
            <legend className="text-sm font-medium">Port mappings</legend>
            {c.portMappings.map((m, j) => {
              const k = (f: string) => `${p}.portMappings.${j}.${f}`;
              const cell = (f: keyof PortForm, title: string) => ({ id: id(`port${j}-${f}`), name: k(f), label: `${title}, port ${j + 1} of ${label}`, value: m[f], error: errorFor(k(f)), onChange: (v: string) => setPort(j, { [f]: v }), onBlur: () => touch(k(f)) });
              return (
                <div key={j} className="flex items-start gap-2">
                  <Cell {...cell("containerPort", "Container port")} type="number" placeholder="80" className="w-28" />
                  <Cell {...cell("protocol", "Protocol")} className="w-24" options={[{ value: "tcp", label: "TCP" }, { value: "udp", label: "UDP" }]} />
                  <Cell {...cell("name", "Port name")} mono placeholder={`${c.name || "name"}-${m.containerPort || "80"}-${m.protocol}`} />
                  <Cell {...cell("appProtocol", "App protocol")} className="w-32" options={[{ value: "", label: "None" }, { value: "http", label: "HTTP" }, { value: "http2", label: "HTTP/2" }, { value: "grpc", label: "gRPC" }]} />
                  <RemoveButton label={`Remove port ${j + 1} of ${label}`} onClick={() => onChange({ portMappings: c.portMappings.filter((_, x) => x !== j) })} />
                </div>
              );
            })}
            <Button type="button" variant="secondary" size="sm" onClick={() => onChange({ portMappings: [...c.portMappings, { containerPort: "", protocol: "tcp", name: "", appProtocol: "" }] })}>Add port mapping</Button>
          </fieldset>

          <EnvSection prefix={p} label={label} vars={c.environment} onChange={(environment) => onChange({ environment })} errorFor={errorFor} touch={touch} />

          <fieldset className="space-y-2">
            <legend className="text-sm font-medium">Secrets</legend>
            <p className="text-xs text-ink-muted">References only: the ARN of a Secrets Manager secret or an SSM parameter. ECS reads the value when the task starts; Portside never sees it.</p>
            {c.secrets.map((s, j) => {
              const k = (f: string) => `${p}.secrets.${j}.${f}`;
              return (
                <div key={j} className="flex items-start gap-2">
                  <Cell id={id(`secret${j}-name`)} name={k("name")} label={`Secret ${j + 1} name of ${label}`} value={s.name} mono placeholder="DB_PASSWORD"
                    error={errorFor(k("name"))} onChange={(v) => setSecret(j, { name: v })} onBlur={() => touch(k("name"))} />
                  <Cell id={id(`secret${j}-valueFrom`)} name={k("valueFrom")} label={`Secret ${j + 1} ARN of ${label}`} value={s.valueFrom} mono className="flex-[2]"
                    placeholder="arn:aws:secretsmanager:us-east-1:123456789012:secret:name" error={errorFor(k("valueFrom"))} onChange={(v) => setSecret(j, { valueFrom: v })} onBlur={() => touch(k("valueFrom"))} />
                  <RemoveButton label={`Remove secret ${j + 1} of ${label}`} onClick={() => onChange({ secrets: c.secrets.filter((_, x) => x !== j) })} />
                </div>
              );
            })}
            <Button type="button" variant="secondary" size="sm" onClick={() => onChange({ secrets: [...c.secrets, { name: "", valueFrom: "" }] })}>Add secret</Button>
          </fieldset>

          <fieldset className="space-y-3">
            <legend className="text-sm font-medium">Log collection</legend>
            <input type="hidden" name={`${p}.logs.enabled`} value={String(c.logs.enabled)} />
            <Checkbox label="Send logs to CloudWatch (awslogs)" checked={c.logs.enabled} onChange={(e) => onChange({ logs: { ...c.logs, enabled: e.target.checked } })}
              description={`Region ${region}. The log group is created when it does not exist.`} />
            {c.logs.enabled ? (
              <div className="grid gap-4 md:grid-cols-2">
                <Field label="Log group" htmlFor={id("logs-group")} error={errorFor(`${p}.logs.group`)}>
                  <Input id={id("logs-group")} name={`${p}.logs.group`} value={c.logs.group} className="font-mono" onChange={(e) => onChange({ logs: { ...c.logs, group: e.target.value } })}
                    onBlur={() => touch(`${p}.logs.group`)} {...fieldAria(id("logs-group"), errorFor(`${p}.logs.group`))} />
                </Field>
                <Field label="Stream prefix" htmlFor={id("logs-prefix")} error={errorFor(`${p}.logs.streamPrefix`)}>
                  <Input id={id("logs-prefix")} name={`${p}.logs.streamPrefix`} value={c.logs.streamPrefix} className="font-mono" onChange={(e) => onChange({ logs: { ...c.logs, streamPrefix: e.target.value } })}
                    onBlur={() => touch(`${p}.logs.streamPrefix`)} {...fieldAria(id("logs-prefix"), errorFor(`${p}.logs.streamPrefix`))} />
                </Field>
              </div>
            ) : (
              <>
                <input type="hidden" name={`${p}.logs.group`} value={c.logs.group} />
                <input type="hidden" name={`${p}.logs.streamPrefix`} value={c.logs.streamPrefix} />
              </>
            )}
          </fieldset>

          <fieldset className="space-y-3">
            <legend className="text-sm font-medium">Health check</legend>
            <input type="hidden" name={`${p}.healthCheck.enabled`} value={String(hc.enabled)} />
            <Checkbox label="Use a container health check" checked={hc.enabled} onChange={(e) => setHc({ enabled: e.target.checked })} />
            {hc.enabled ? (
              <div className="space-y-3">
                <div className="grid gap-4 md:grid-cols-[10rem_1fr]">
                  <Field label="Command type" htmlFor={id("hc-type")}>
                    <Select id={id("hc-type")} name={`${p}.healthCheck.type`} value={hc.type} onChange={(e) => setHc({ type: e.target.value })}>
                      <option value="CMD-SHELL">CMD-SHELL</option>
                      <option value="CMD">CMD</option>
                    </Select>
                  </Field>
                  <Field label="Health check command" htmlFor={id("hc-command")} error={errorFor(`${p}.healthCheck.command`)} hint="Exit code 0 means healthy.">
                    <Input id={id("hc-command")} name={`${p}.healthCheck.command`} value={hc.command} className="font-mono" placeholder="curl -f http://localhost/ || exit 1"
                      onChange={(e) => setHc({ command: e.target.value })} onBlur={() => touch(`${p}.healthCheck.command`)} {...fieldAria(id("hc-command"), errorFor(`${p}.healthCheck.command`), true)} />
                  </Field>
                </div>
                <div className="grid gap-4 md:grid-cols-4">
                  {hcField("interval", "Interval (seconds)", 5, 300)}
                  {hcField("timeout", "Timeout (seconds)", 2, 120)}
                  {hcField("retries", "Retries", 1, 10)}
                  {hcField("startPeriod", "Start period (seconds)", 0, 300)}
                </div>
              </div>
            ) : (
              (["type", "command", "interval", "timeout", "retries", "startPeriod"] as const).map((k) => <input key={k} type="hidden" name={`${p}.healthCheck.${k}`} value={hc[k]} />)
            )}
          </fieldset>

          <fieldset className="space-y-2">
            <legend className="text-sm font-medium">Resource limits and user</legend>
            <div className="grid gap-4 md:grid-cols-4">
              <Field label="CPU (units)" htmlFor={id("cpu")} error={errorFor(`${p}.cpu`)} hint="1024 = 1 vCPU; optional.">
                <Input {...text("cpu")} type="number" min={0} {...fieldAria(id("cpu"), errorFor(`${p}.cpu`), true)} />
              </Field>
              <Field label="Memory hard limit (MiB)" htmlFor={id("memory")} error={errorFor(`${p}.memory`)} hint="Killed above it.">
                <Input {...text("memory")} type="number" min={6} {...fieldAria(id("memory"), errorFor(`${p}.memory`), true)} />
              </Field>
              <Field label="Memory soft limit (MiB)" htmlFor={id("memoryReservation")} error={errorFor(`${p}.memoryReservation`)} hint="Reserved for it.">
                <Input {...text("memoryReservation")} type="number" min={6} {...fieldAria(id("memoryReservation"), errorFor(`${p}.memoryReservation`), true)} />
              </Field>
              <Field label="Stop timeout (s)" htmlFor={id("stopTimeout")} error={errorFor(`${p}.stopTimeout`)} hint="2–120; after SIGTERM. Empty: 30.">
                <Input {...text("stopTimeout")} type="number" min={2} max={120} {...fieldAria(id("stopTimeout"), errorFor(`${p}.stopTimeout`), true)} />
              </Field>
              <Field label="User" htmlFor={id("user")} error={errorFor(`${p}.user`)} hint={windows ? "Not supported on Windows." : "user, uid, user:group…"}>
                <Input {...text("user")} disabled={windows} className="font-mono" {...fieldAria(id("user"), errorFor(`${p}.user`), true)} />
              </Field>
            </div>
          </fieldset>
        </CardBody>
      </Card>
    </section>
  );
}
