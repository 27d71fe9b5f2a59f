-- CreateTable
CREATE TABLE "BundleUpload" (
    "id" UUID NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BundleUpload_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BundleUpload_userId_createdAt_idx" ON "BundleUpload"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "BundleUpload_createdAt_idx" ON "BundleUpload"("createdAt");
