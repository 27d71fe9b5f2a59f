"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { RelativeTime } from "@/components/ui/time";
import { SubmitButton } from "@/components/wizard/submit-button";
import { initialState } from "@/lib/core/actions/state";
import { endOtherSessionsAction, endSessionAction } from "@/lib/core/auth/session-actions";

export type SessionRow = { id: string; browser: string; address: string | null; createdAt: Date; lastSeenAt: Date; current: boolean };

/** Your signed-in browsers: when each signed in and was last used, with a way to sign any other out. */
export function SessionsList({ sessions }: { sessions: SessionRow[] }) {
  const [endOne, endOneAction] = useActionState(endSessionAction, initialState);
  const [endOthers, endOthersAction] = useActionState(endOtherSessionsAction, initialState);
  const result = endOne.message ? endOne : endOthers;
  const others = sessions.filter((s) => !s.current).length;
  return (
    <div className="space-y-3">
      {result.message && <Alert tone={result.ok ? "success" : "error"}>{result.message}</Alert>}
      <Table aria-label="Your sessions">
        <THead><Tr><Th>Browser</Th><Th>Address</Th><Th>Signed in</Th><Th>Last used</Th><Th><span className="sr-only">Action</span></Th></Tr></THead>
        <TBody>
          {sessions.map((s) => (
            <Tr key={s.id}>
              <Td>{s.browser} {s.current && <Badge tone="blue">This browser</Badge>}</Td>
              <Td className="font-mono text-xs">{s.address ?? "—"}</Td>
              <Td title={s.createdAt.toISOString()}><RelativeTime date={s.createdAt} /></Td>
              <Td title={s.lastSeenAt.toISOString()}><RelativeTime date={s.lastSeenAt} /></Td>
              <Td>
                {!s.current && (
                  <form action={endOneAction}>
                    <input type="hidden" name="sessionId" value={s.id} />
                    <SubmitButton size="sm" variant="secondary" aria-label={`Sign out ${s.browser} signed in ${s.createdAt.toISOString()}`}>Sign out</SubmitButton>
                  </form>
                )}
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      <form action={endOthersAction}>
        <SubmitButton variant="secondary" disabled={others === 0}>Sign out everywhere else</SubmitButton>
      </form>
    </div>
  );
}
