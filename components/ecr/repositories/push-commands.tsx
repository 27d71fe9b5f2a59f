import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { pushCommands, pushPolicy } from "@/lib/ecr/repositories/push-commands";

/** "View push commands" as the console shows them, and the policy a CI role needs to push here. */
export function PushCommands({ uri, arn, region }: { uri: string; arn: string; region: string }) {
  return (
    <Card>
      <CardHeader title="Push commands" description="Use the AWS CLI and Docker on a machine whose credentials may push to this repository." />
      <CardBody className="space-y-3">
        <ol className="list-decimal space-y-3 pl-5 text-sm" aria-label="Push commands">
          {pushCommands(uri, region).map((step) => (
            <li key={step.title}>
              <p className="mb-1">{step.title}</p>
              <CodeBlock wrap code={step.command} aria-label={step.title} />
            </li>
          ))}
        </ol>
        <details>
          <summary className="cursor-pointer text-sm font-medium">Permissions a CI role needs to push here</summary>
          <p className="mt-1 text-xs text-ink-muted">An IAM policy for the role your CI assumes: the login token is registry-wide, the upload actions are for this repository only.</p>
          <CodeBlock code={pushPolicy(arn)} aria-label="Push policy" className="mt-1" />
        </details>
      </CardBody>
    </Card>
  );
}
