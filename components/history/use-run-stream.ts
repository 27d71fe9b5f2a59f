"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { isFinished, type RunView } from "@/lib/core/audit/run-view";

export type StreamState = "live" | "reconnecting" | "done";

/** Follows a run over SSE; when it finishes, refreshes the page so server-built parts (cleanup plan) appear. */
export function useRunStream(initial: RunView): { run: RunView; stream: StreamState } {
  const router = useRouter();
  const [run, setRun] = useState(initial);
  const [stream, setStream] = useState<StreamState>(isFinished(initial.status) ? "done" : "live");

  useEffect(() => setRun(initial), [initial]);

  useEffect(() => {
    if (isFinished(initial.status)) return;
    const source = new EventSource(`/api/runs/${initial.id}/events`);
    source.addEventListener("run", (e) => {
      const next = JSON.parse((e as MessageEvent<string>).data) as RunView;
      setRun(next);
      setStream("live");
      if (isFinished(next.status)) {
        source.close();
        setStream("done");
        router.refresh();
      }
    });
    source.addEventListener("end", () => source.close());
    source.onerror = () => setStream((s) => (s === "done" ? s : "reconnecting"));
    return () => source.close();
  }, [initial.id, initial.status, router]);

  return { run, stream };
}
