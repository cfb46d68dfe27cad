-- AlterTable
ALTER TABLE "Registration" ADD COLUMN     "attestationSentAt" TIMESTAMP(3);
