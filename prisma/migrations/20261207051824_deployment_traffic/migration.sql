-- CreateTable
CREATE TABLE "DeploymentTrafficPoint" (
    "deploymentArn" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "green" DOUBLE PRECISION NOT NULL,
    "stage" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DeploymentTrafficPoint_pkey" PRIMARY KEY ("deploymentArn","seq")
);

-- CreateIndex
CREATE INDEX "DeploymentTrafficPoint_at_idx" ON "DeploymentTrafficPoint"("at");
