-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "idpCheckedAt" TIMESTAMP(3);
