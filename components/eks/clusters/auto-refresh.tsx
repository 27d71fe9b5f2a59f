"use client";

import { useRouter } from "next/navigation";
import { useEffect, useTransition } from "react";
import { Button } from "@/components/ui/button";

/** Re-reads the cluster from AWS on request, and every few seconds while something is changing. */
export function AutoRefresh({ auto }: { auto: boolean }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  useEffect(() => {
    if (!auto) return;
    const timer = setInterval(() => start(() => router.refresh()), 5000);
    return () => clearInterval(timer);
  }, [auto, router]);
  return (
    <Button type="button" variant="secondary" pending={pending} onClick={() => start(() => router.refresh())}>
      Refresh
    </Button>
  );
}
