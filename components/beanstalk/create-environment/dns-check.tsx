"use client";

import { useEffect, useState } from "react";
import { initialState } from "@/lib/core/actions/state";
import { checkDnsAction } from "@/lib/beanstalk/create-environment/actions";

type Props = { connectionId: string; region: string; prefix: string; valid: boolean };

/** Says whether the domain prefix is free (CheckDNSAvailability, a read), a moment after typing stops. */
export function DnsCheck({ connectionId, region, prefix, valid }: Props) {
  const [answer, setAnswer] = useState<string>("");
  useEffect(() => {
    if (!valid) return setAnswer("");
    let current = true;
    const timer = setTimeout(async () => {
      const form = new FormData();
      form.set("connectionId", connectionId);
      form.set("region", region);
      form.set("cnamePrefix", prefix);
      const out = await checkDnsAction(initialState, form).catch(() => null);
      if (!current) return;
      const data = out?.data as { available?: boolean; cname?: string } | undefined;
      setAnswer(!out?.ok || !data ? "Could not check the name now; the review checks it again." : data.available ? `${data.cname} is available.` : `${data.cname} is taken: pick another prefix.`);
    }, 600);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [connectionId, region, prefix, valid]);
  return <span role="status" data-testid="dns-check">{answer || `The environment's address: <prefix>.${region}.elasticbeanstalk.com`}</span>;
}
