"use client";

import { useRouter } from "next/navigation";
import { useEffect, useTransition } from "react";
import { Button } from "@/components/ui/button";

/** Re-reads the page from AWS: on request, and every few seconds while an operation runs. */
export function RefreshControl({ auto, label = "Refresh" }: { auto: boolean; label?: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  useEffect(() => {
    if (!auto) return;
    const timer = setInterval(() => start(() => router.refresh()), 3000);
    return () => clearInterval(timer);
  }, [auto, router]);
  return (
    <Button type="button" variant="secondary" size="sm" pending={pending} onClick={() => start(() => router.refresh())}>
      {label}
    </Button>
  );
}
