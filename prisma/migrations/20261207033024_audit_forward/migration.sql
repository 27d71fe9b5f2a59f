-- CreateTable
CREATE TABLE "AuditForwardCursor" (
    "id" TEXT NOT NULL,
    "seq" BIGINT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AuditForwardCursor_pkey" PRIMARY KEY ("id")
);
