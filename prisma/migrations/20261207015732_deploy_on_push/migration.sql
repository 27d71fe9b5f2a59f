-- CreateEnum
CREATE TYPE "DeployOnPushMode" AS ENUM ('propose', 'auto');

-- CreateTable
CREATE TABLE "DeployOnPushRule" (
    "id" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "cluster" TEXT NOT NULL,
    "service" TEXT NOT NULL,
    "repository" TEXT NOT NULL,
    "tagPattern" TEXT NOT NULL,
    "mode" "DeployOnPushMode" NOT NULL,
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "pausedReason" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "watermark" TIMESTAMP(3) NOT NULL,
    "lastSeenDigest" TEXT,
    "lastSeenPushedAt" TIMESTAMP(3),

    CONSTRAINT "DeployOnPushRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeployOnPushEvent" (
    "id" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "imageDigest" TEXT NOT NULL,
    "imageTag" TEXT NOT NULL,
    "imageUri" TEXT NOT NULL,
    "pushedAt" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL,
    "runId" TEXT,
    "detail" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DeployOnPushEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DeployOnPushRule_connectionId_region_repository_idx" ON "DeployOnPushRule"("connectionId", "region", "repository");

-- CreateIndex
CREATE INDEX "DeployOnPushRule_connectionId_region_cluster_service_idx" ON "DeployOnPushRule"("connectionId", "region", "cluster", "service");

-- CreateIndex
CREATE INDEX "DeployOnPushEvent_status_idx" ON "DeployOnPushEvent"("status");

-- CreateIndex
CREATE UNIQUE INDEX "DeployOnPushEvent_ruleId_imageDigest_key" ON "DeployOnPushEvent"("ruleId", "imageDigest");

-- AddForeignKey
ALTER TABLE "DeployOnPushEvent" ADD CONSTRAINT "DeployOnPushEvent_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "DeployOnPushRule"("id") ON DELETE CASCADE ON UPDATE CASCADE;
