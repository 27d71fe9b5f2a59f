import "server-only";
import { DescribeApplicationVersionsCommand, DescribeConfigurationSettingsCommand } from "@aws-sdk/client-elastic-beanstalk";
import { GetObjectCommand } from "@aws-sdk/client-s3";
import { awsClient, type ConnectionSettings } from "@/lib/core/aws/clients";
import { guarded } from "@/lib/core/aws/guarded";
import { live, liveKey } from "@/lib/core/live/shared";
import { getEnvironment } from "@/lib/beanstalk/environments/reads";
import { MOVE_BUNDLE_LIMITS, readBundleRun, type BundleRun } from "./bundle";
import type { OptionSetting } from "./prefill";

/** The environment's option settings as Elastic Beanstalk holds them (DescribeConfigurationSettings). */
export function environmentOptions(conn: ConnectionSettings, region: string, application: string, environment: string): Promise<OptionSetting[]> {
  return live.cache.get(liveKey(conn, region, "beanstalk", "options", application, environment), 5000, async () => {
    const out = await guarded(conn, "elasticbeanstalk", "DescribeConfigurationSettings", () =>
      awsClient(conn, region, "elasticbeanstalk").send(new DescribeConfigurationSettingsCommand({ ApplicationName: application, EnvironmentName: environment })),
    );
    return (out.ConfigurationSettings?.[0]?.OptionSettings ?? [])
      .slice(0, 2000)
      .filter((o) => !o.ResourceName)
      .map((o) => ({ namespace: o.Namespace ?? "", name: o.OptionName ?? "", value: o.Value ?? "" }));
  });
}

/** What the running version's bundle runs: its S3 object read (at most 8 MB) and parsed. */
export function versionRun(conn: ConnectionSettings, region: string, application: string, versionLabel: string): Promise<BundleRun> {
  return live.cache.get(liveKey(conn, region, "beanstalk", "version-run", application, versionLabel), 30_000, async () => {
    const out = await guarded(conn, "elasticbeanstalk", "DescribeApplicationVersions", () =>
      awsClient(conn, region, "elasticbeanstalk").send(new DescribeApplicationVersionsCommand({ ApplicationName: application, VersionLabels: [versionLabel] })),
    );
    const bundle = out.ApplicationVersions?.[0]?.SourceBundle;
    if (!bundle?.S3Bucket || !bundle.S3Key) return { ok: false, message: `Version ${versionLabel} has no source bundle in S3 (the sample application).` } as const;
    const object = await guarded(conn, "s3", "GetObject", () => awsClient(conn, region, "s3").send(new GetObjectCommand({ Bucket: bundle.S3Bucket, Key: bundle.S3Key })));
    if ((object.ContentLength ?? 0) > MOVE_BUNDLE_LIMITS.bundleBytes) {
      await object.Body?.transformToWebStream().cancel();
      return { ok: false, message: `The bundle of ${versionLabel} is larger than Portside reads (8 MB).` } as const;
    }
    const bytes = (await object.Body?.transformToByteArray()) ?? new Uint8Array();
    return readBundleRun(bytes);
  });
}

/** Everything "Move to ECS" needs from AWS: the environment, its options, and what its version runs. */
export async function moveSource(conn: ConnectionSettings, region: string, application: string, environment: string) {
  const env = await getEnvironment(conn, region, application, environment);
  if (!env) return null;
  const [options, run] = await Promise.all([
    environmentOptions(conn, region, application, environment),
    env.versionLabel ? versionRun(conn, region, application, env.versionLabel) : Promise.resolve<BundleRun>({ ok: false, message: "The environment runs the sample application." }),
  ]);
  return { env, options, run };
}
