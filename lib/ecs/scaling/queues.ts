import "server-only";
import { sharedReader } from "@/lib/core/live/shared-read";
import { GetQueueUrlCommand, paginateListQueues } from "@aws-sdk/client-sqs";
import { awsClient, type ConnectionSettings } from "@/lib/core/aws/clients";
import { guarded } from "@/lib/core/aws/guarded";

/** Queue names of the region (for the queue-driven scaling picker), at most `limit`. */
async function listQueueNamesFromAws(conn: ConnectionSettings, region: string, limit = 1000): Promise<string[]> {
  const names: string[] = [];
  await guarded(conn, "sqs", "ListQueues", async () => {
    for await (const page of paginateListQueues({ client: awsClient(conn, region, "sqs") }, { MaxResults: 1000 })) {
      for (const url of page.QueueUrls ?? []) names.push(url.slice(url.lastIndexOf("/") + 1));
      if (names.length >= limit) break;
    }
  });
  return names.sort().slice(0, limit);
}

/** The queue's URL, or null when there is no queue of that name. */
async function queueUrlOfFromAws(conn: ConnectionSettings, region: string, name: string): Promise<string | null> {
  try {
    const out = await awsClient(conn, region, "sqs").send(new GetQueueUrlCommand({ QueueName: name }));
    return out.QueueUrl ?? null;
  } catch (error) {
    const code = (error as { name?: string }).name ?? "";
    if (code === "QueueDoesNotExist" || code === "AWS.SimpleQueueService.NonExistentQueue") return null;
    return guarded(conn, "sqs", "GetQueueUrl", () => Promise.reject(error));
  }
}

// Shared by every caller for a moment (see lib/core/live/shared-read.ts): many people browsing cost AWS one read.
export const listQueueNames = sharedReader("sqs:listQueueNames", listQueueNamesFromAws);
export const queueUrlOf = sharedReader("sqs:queueUrlOf", queueUrlOfFromAws);
