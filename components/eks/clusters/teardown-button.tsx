"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { ReviewedConfirmDialog } from "@/components/wizard/reviewed-confirm-dialog";
import { initialState } from "@/lib/core/actions/state";
import { deleteEksClusterAction, previewDeleteEksClusterAction } from "@/lib/eks/clusters/actions";

type Props = { connectionId: string; region: string; clusterName: string; nodegroups: string[]; fargateProfiles: string[]; addons: string[] };

const list = (xs: string[]) => (xs.length ? xs.join(", ") : "none");

/** Teardown as a recorded plan, after the cluster name is typed: node groups and Fargate profiles first, then the cluster. */
export function TeardownButton({ nodegroups, fargateProfiles, addons, ...props }: Props) {
  const [state, action] = useActionState(deleteEksClusterAction, initialState);
  return (
    <div className="flex items-center gap-2">
      {state.message && <Alert tone="error" className="py-1">{state.message}</Alert>}
      <ReviewedConfirmDialog
        triggerLabel="Delete cluster"
        triggerProps={{ variant: "danger" }}
        tone="danger"
        title={`Delete EKS cluster ${props.clusterName}?`}
        description={
          <>
            <p>Portside deletes, in this order, waiting for each to be gone:</p>
            <ol className="my-2 list-decimal space-y-1 pl-5">
              <li>Node groups and their EC2 instances: {list(nodegroups)}</li>
              <li>Fargate profiles and the pods they run: {list(fargateProfiles)}</li>
              <li>The cluster {props.clusterName}, with its add-ons: {list(addons)}</li>
            </ol>
            <p>Workloads in it stop. Load balancers and volumes that Kubernetes created are not deleted; the IAM roles stay.</p>
          </>
        }
        confirmLabel="Delete cluster"
        requireText={props.clusterName}
        fields={props}
        preview={previewDeleteEksClusterAction}
        formAction={action}
      />
    </div>
  );
}
