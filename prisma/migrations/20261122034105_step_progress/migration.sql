-- AlterTable
ALTER TABLE "PlanStep" ADD COLUMN     "progress" TEXT;
