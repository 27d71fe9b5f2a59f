-- CreateIndex
CREATE INDEX "PlanRun_resources_idx" ON "PlanRun" USING GIN ("resources");
