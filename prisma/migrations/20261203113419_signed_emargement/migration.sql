-- CreateEnum
CREATE TYPE "AttendanceProof" AS ENUM ('SCAN_ONLY', 'SCAN_AND_SIGNATURE');

-- CreateEnum
CREATE TYPE "SignatureMethod" AS ENUM ('DOOR_DEVICE', 'OWN_PHONE', 'AGENT_ATTESTED');

-- CreateEnum
CREATE TYPE "JustificationStatus" AS ENUM ('REQUESTED', 'ACCEPTED', 'REFUSED');

-- CreateEnum
CREATE TYPE "JustificationSource" AS ENUM ('PERSON', 'ORGANISER');

-- AlterTable
ALTER TABLE "CheckIn" ADD COLUMN     "departedAt" TIMESTAMP(3),
ADD COLUMN     "departedById" TEXT,
ADD COLUMN     "departureDoor" TEXT,
ADD COLUMN     "departureNonce" TEXT;

-- AlterTable
ALTER TABLE "Journee" ADD COLUMN     "attendanceProof" "AttendanceProof" NOT NULL DEFAULT 'SCAN_AND_SIGNATURE',
ADD COLUMN     "lateToleranceMinutes" INTEGER NOT NULL DEFAULT 15;

-- Journées created before signatures existed keep their behaviour (scan only); new ones sign.
UPDATE "Journee" SET "attendanceProof" = 'SCAN_ONLY';

-- CreateTable
CREATE TABLE "AttendanceSignature" (
    "id" TEXT NOT NULL,
    "journeeId" TEXT NOT NULL,
    "registrationId" TEXT NOT NULL,
    "partKey" TEXT NOT NULL,
    "method" "SignatureMethod" NOT NULL,
    "png" BYTEA,
    "pngSha256" TEXT,
    "attestedReason" TEXT,
    "agentId" TEXT,
    "deviceId" TEXT NOT NULL DEFAULT '',
    "door" TEXT NOT NULL DEFAULT '',
    "clientIp" TEXT,
    "signedAt" TIMESTAMP(3) NOT NULL,
    "offline" BOOLEAN NOT NULL DEFAULT false,
    "clientSignedAt" TIMESTAMP(3),
    "nonce" TEXT NOT NULL,
    "chainSeq" INTEGER NOT NULL,
    "prevHash" TEXT NOT NULL,
    "recordHash" TEXT NOT NULL,

    CONSTRAINT "AttendanceSignature_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignatureEvent" (
    "id" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "journeeId" TEXT NOT NULL,
    "partKey" TEXT NOT NULL,
    "registrationId" TEXT,
    "result" TEXT NOT NULL,
    "method" "SignatureMethod" NOT NULL,
    "pngSha256" TEXT,
    "agentId" TEXT,
    "deviceId" TEXT NOT NULL DEFAULT '',
    "door" TEXT NOT NULL DEFAULT '',
    "clientIp" TEXT,
    "offline" BOOLEAN NOT NULL DEFAULT false,
    "clientSignedAt" TIMESTAMP(3),
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignatureEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HalfDaySheet" (
    "id" TEXT NOT NULL,
    "journeeId" TEXT NOT NULL,
    "partKey" TEXT NOT NULL,
    "headSeq" INTEGER NOT NULL DEFAULT 0,
    "headHash" TEXT NOT NULL DEFAULT '',
    "closedAt" TIMESTAMP(3),
    "closedById" TEXT,
    "countersignPng" BYTEA,
    "countersignSha256" TEXT,
    "countersignName" TEXT,
    "countersignedAt" TIMESTAMP(3),
    "verificationCode" TEXT,
    "fingerprint" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HalfDaySheet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AbsenceJustification" (
    "id" TEXT NOT NULL,
    "journeeId" TEXT NOT NULL,
    "registrationId" TEXT NOT NULL,
    "partKey" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "JustificationStatus" NOT NULL,
    "source" "JustificationSource" NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),
    "decidedById" TEXT,

    CONSTRAINT "AbsenceJustification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AttendanceSignature_nonce_key" ON "AttendanceSignature"("nonce");

-- CreateIndex
CREATE UNIQUE INDEX "AttendanceSignature_registrationId_partKey_key" ON "AttendanceSignature"("registrationId", "partKey");

-- CreateIndex
CREATE UNIQUE INDEX "AttendanceSignature_journeeId_partKey_chainSeq_key" ON "AttendanceSignature"("journeeId", "partKey", "chainSeq");

-- CreateIndex
CREATE UNIQUE INDEX "SignatureEvent_nonce_key" ON "SignatureEvent"("nonce");

-- CreateIndex
CREATE INDEX "SignatureEvent_journeeId_partKey_receivedAt_idx" ON "SignatureEvent"("journeeId", "partKey", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "HalfDaySheet_verificationCode_key" ON "HalfDaySheet"("verificationCode");

-- CreateIndex
CREATE UNIQUE INDEX "HalfDaySheet_journeeId_partKey_key" ON "HalfDaySheet"("journeeId", "partKey");

-- CreateIndex
CREATE INDEX "AbsenceJustification_journeeId_partKey_idx" ON "AbsenceJustification"("journeeId", "partKey");

-- CreateIndex
CREATE UNIQUE INDEX "AbsenceJustification_registrationId_partKey_key" ON "AbsenceJustification"("registrationId", "partKey");

-- CreateIndex
CREATE UNIQUE INDEX "CheckIn_departureNonce_key" ON "CheckIn"("departureNonce");

-- AddForeignKey
ALTER TABLE "AttendanceSignature" ADD CONSTRAINT "AttendanceSignature_journeeId_fkey" FOREIGN KEY ("journeeId") REFERENCES "Journee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttendanceSignature" ADD CONSTRAINT "AttendanceSignature_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignatureEvent" ADD CONSTRAINT "SignatureEvent_journeeId_fkey" FOREIGN KEY ("journeeId") REFERENCES "Journee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignatureEvent" ADD CONSTRAINT "SignatureEvent_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HalfDaySheet" ADD CONSTRAINT "HalfDaySheet_journeeId_fkey" FOREIGN KEY ("journeeId") REFERENCES "Journee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AbsenceJustification" ADD CONSTRAINT "AbsenceJustification_journeeId_fkey" FOREIGN KEY ("journeeId") REFERENCES "Journee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AbsenceJustification" ADD CONSTRAINT "AbsenceJustification_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
