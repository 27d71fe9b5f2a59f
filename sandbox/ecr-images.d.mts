export function fakeImageManifest(seed: string, sizes?: number[], findings?: Record<string, number>): string;
export function pushFakeImage(
  endpoint: string,
  options: { repositoryName: string; tag: string; seed?: string; region?: string; sizes?: number[]; findings?: Record<string, number> },
): Promise<{ imageId: { imageDigest: string; imageTag?: string }; repositoryName: string; registryId: string }>;
