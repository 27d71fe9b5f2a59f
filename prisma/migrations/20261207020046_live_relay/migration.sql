-- CreateTable
CREATE TABLE "LiveValue" (
    "key" TEXT NOT NULL,
    "event" JSONB NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LiveValue_pkey" PRIMARY KEY ("key")
);
