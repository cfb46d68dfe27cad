-- CreateEnum
CREATE TYPE "PartnerKind" AS ENUM ('COLLECTIVITE', 'ETAT', 'RESEAU');

-- CreateEnum
CREATE TYPE "JourneeStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'CLOSED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "PartKind" AS ENUM ('HALF_DAY', 'WORKSHOP');

-- CreateEnum
CREATE TYPE "StructureType" AS ENUM ('COMMUNE_CCAS', 'EPCI_METROPOLE', 'ETAT', 'BAILLEUR_SOCIAL', 'ASSOCIATION', 'LOGEMENT_ACCOMPAGNE', 'SANITAIRE_MEDICO_SOCIAL', 'AUTRE');

-- CreateEnum
CREATE TYPE "RegistrationStatus" AS ENUM ('CONFIRMED', 'WAITLISTED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "CheckInMethod" AS ENUM ('QR', 'SEARCH', 'WALK_IN', 'MANUAL');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'ORGANISATEUR', 'AGENT', 'LECTEUR');

-- CreateTable
CREATE TABLE "Partner" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT NOT NULL,
    "kind" "PartnerKind" NOT NULL,
    "website" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Partner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Journee" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "venue" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "accessInfo" TEXT NOT NULL DEFAULT '',
    "programme" TEXT NOT NULL DEFAULT '',
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "capacity" INTEGER NOT NULL,
    "registrationOpensAt" TIMESTAMP(3) NOT NULL,
    "registrationClosesAt" TIMESTAMP(3) NOT NULL,
    "status" "JourneeStatus" NOT NULL DEFAULT 'DRAFT',
    "isPlenary" BOOLEAN NOT NULL DEFAULT false,
    "confirmedCount" INTEGER NOT NULL DEFAULT 0,
    "waitlistSeq" INTEGER NOT NULL DEFAULT 0,
    "partnerId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Journee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JourneePart" (
    "id" TEXT NOT NULL,
    "journeeId" TEXT NOT NULL,
    "kind" "PartKind" NOT NULL,
    "title" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "capacity" INTEGER,
    "confirmedCount" INTEGER NOT NULL DEFAULT 0,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "JourneePart_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Registration" (
    "id" TEXT NOT NULL,
    "seq" SERIAL NOT NULL,
    "journeeId" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "searchText" TEXT NOT NULL DEFAULT '',
    "email" TEXT,
    "emailNormalized" TEXT,
    "liveEmailKey" TEXT,
    "phone" TEXT,
    "structure" TEXT NOT NULL,
    "structureType" "StructureType" NOT NULL,
    "jobTitle" TEXT NOT NULL DEFAULT '',
    "commune" TEXT NOT NULL DEFAULT '',
    "accessibilityNeeds" TEXT,
    "inviteConsent" BOOLEAN NOT NULL DEFAULT false,
    "privacyAckAt" TIMESTAMP(3),
    "status" "RegistrationStatus" NOT NULL,
    "waitlistPosition" INTEGER,
    "tokenSalt" TEXT NOT NULL,
    "ticketHash" TEXT NOT NULL,
    "manageHash" TEXT NOT NULL,
    "attestationCode" TEXT,
    "walkIn" BOOLEAN NOT NULL DEFAULT false,
    "overCapacity" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT,
    "cancelledAt" TIMESTAMP(3),
    "promotedAt" TIMESTAMP(3),
    "anonymizedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Registration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegistrationPart" (
    "registrationId" TEXT NOT NULL,
    "partId" TEXT NOT NULL,

    CONSTRAINT "RegistrationPart_pkey" PRIMARY KEY ("registrationId","partId")
);

-- CreateTable
CREATE TABLE "CheckIn" (
    "id" TEXT NOT NULL,
    "registrationId" TEXT NOT NULL,
    "journeeId" TEXT NOT NULL,
    "partId" TEXT,
    "partKey" TEXT NOT NULL,
    "checkedInAt" TIMESTAMP(3) NOT NULL,
    "method" "CheckInMethod" NOT NULL,
    "door" TEXT NOT NULL DEFAULT '',
    "deviceId" TEXT NOT NULL DEFAULT '',
    "agentId" TEXT,
    "offline" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CheckIn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScanEvent" (
    "id" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "journeeId" TEXT NOT NULL,
    "partKey" TEXT NOT NULL,
    "registrationId" TEXT,
    "result" TEXT NOT NULL,
    "method" "CheckInMethod" NOT NULL,
    "door" TEXT NOT NULL DEFAULT '',
    "deviceId" TEXT NOT NULL DEFAULT '',
    "agentId" TEXT,
    "scannedAt" TIMESTAMP(3) NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "offline" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "ScanEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "emailVerified" TIMESTAMP(3),
    "image" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "invitedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoleAssignment" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "partnerId" TEXT,
    "journeeId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RoleAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Account" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "providerAccountId" TEXT NOT NULL,
    "refresh_token" TEXT,
    "access_token" TEXT,
    "expires_at" INTEGER,
    "token_type" TEXT,
    "scope" TEXT,
    "id_token" TEXT,
    "session_state" TEXT,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "sessionToken" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expires" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VerificationToken" (
    "identifier" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "expires" TIMESTAMP(3) NOT NULL
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorLabel" TEXT NOT NULL DEFAULT '',
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL DEFAULT '',
    "entityId" TEXT NOT NULL DEFAULT '',
    "details" JSONB NOT NULL DEFAULT '{}',
    "ip" TEXT,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimitBucket" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "resetAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RateLimitBucket_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Partner_slug_key" ON "Partner"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Journee_slug_key" ON "Journee"("slug");

-- CreateIndex
CREATE INDEX "Journee_status_startsAt_idx" ON "Journee"("status", "startsAt");

-- CreateIndex
CREATE INDEX "JourneePart_journeeId_position_idx" ON "JourneePart"("journeeId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Registration_ticketHash_key" ON "Registration"("ticketHash");

-- CreateIndex
CREATE UNIQUE INDEX "Registration_manageHash_key" ON "Registration"("manageHash");

-- CreateIndex
CREATE UNIQUE INDEX "Registration_attestationCode_key" ON "Registration"("attestationCode");

-- CreateIndex
CREATE INDEX "Registration_journeeId_status_seq_idx" ON "Registration"("journeeId", "status", "seq");

-- CreateIndex
CREATE INDEX "Registration_emailNormalized_idx" ON "Registration"("emailNormalized");

-- CreateIndex
CREATE UNIQUE INDEX "Registration_journeeId_liveEmailKey_key" ON "Registration"("journeeId", "liveEmailKey");

-- CreateIndex
CREATE INDEX "RegistrationPart_partId_idx" ON "RegistrationPart"("partId");

-- CreateIndex
CREATE INDEX "CheckIn_journeeId_partKey_checkedInAt_idx" ON "CheckIn"("journeeId", "partKey", "checkedInAt");

-- CreateIndex
CREATE UNIQUE INDEX "CheckIn_registrationId_partKey_key" ON "CheckIn"("registrationId", "partKey");

-- CreateIndex
CREATE UNIQUE INDEX "ScanEvent_nonce_key" ON "ScanEvent"("nonce");

-- CreateIndex
CREATE INDEX "ScanEvent_journeeId_scannedAt_idx" ON "ScanEvent"("journeeId", "scannedAt");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "RoleAssignment_userId_idx" ON "RoleAssignment"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Account_provider_providerAccountId_key" ON "Account"("provider", "providerAccountId");

-- CreateIndex
CREATE UNIQUE INDEX "Session_sessionToken_key" ON "Session"("sessionToken");

-- CreateIndex
CREATE UNIQUE INDEX "VerificationToken_token_key" ON "VerificationToken"("token");

-- CreateIndex
CREATE UNIQUE INDEX "VerificationToken_identifier_token_key" ON "VerificationToken"("identifier", "token");

-- CreateIndex
CREATE INDEX "AuditLog_action_at_idx" ON "AuditLog"("action", "at");

-- CreateIndex
CREATE INDEX "AuditLog_entityType_entityId_idx" ON "AuditLog"("entityType", "entityId");

-- AddForeignKey
ALTER TABLE "Journee" ADD CONSTRAINT "Journee_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JourneePart" ADD CONSTRAINT "JourneePart_journeeId_fkey" FOREIGN KEY ("journeeId") REFERENCES "Journee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_journeeId_fkey" FOREIGN KEY ("journeeId") REFERENCES "Journee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegistrationPart" ADD CONSTRAINT "RegistrationPart_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegistrationPart" ADD CONSTRAINT "RegistrationPart_partId_fkey" FOREIGN KEY ("partId") REFERENCES "JourneePart"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckIn" ADD CONSTRAINT "CheckIn_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckIn" ADD CONSTRAINT "CheckIn_journeeId_fkey" FOREIGN KEY ("journeeId") REFERENCES "Journee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckIn" ADD CONSTRAINT "CheckIn_partId_fkey" FOREIGN KEY ("partId") REFERENCES "JourneePart"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckIn" ADD CONSTRAINT "CheckIn_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScanEvent" ADD CONSTRAINT "ScanEvent_journeeId_fkey" FOREIGN KEY ("journeeId") REFERENCES "Journee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScanEvent" ADD CONSTRAINT "ScanEvent_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScanEvent" ADD CONSTRAINT "ScanEvent_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleAssignment" ADD CONSTRAINT "RoleAssignment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleAssignment" ADD CONSTRAINT "RoleAssignment_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleAssignment" ADD CONSTRAINT "RoleAssignment_journeeId_fkey" FOREIGN KEY ("journeeId") REFERENCES "Journee"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: the audit log is append-only. UPDATE and DELETE are refused, except inside a
-- transaction that sets emarge.audit_purge = 'on' (retention, see docs/decisions).
CREATE FUNCTION "emarge_audit_append_only"() RETURNS trigger AS $$
BEGIN
  IF current_setting('emarge.audit_purge', true) = 'on' THEN
    RETURN COALESCE(NEW, OLD);
  END IF;
  RAISE EXCEPTION 'AuditLog is append-only' USING ERRCODE = 'P0001';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AuditLog_append_only" BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION "emarge_audit_append_only"();

-- Hand-written: a counter bug can never drive a count below zero.
ALTER TABLE "Journee" ADD CONSTRAINT "Journee_confirmed_nonnegative" CHECK ("confirmedCount" >= 0);
ALTER TABLE "JourneePart" ADD CONSTRAINT "JourneePart_confirmed_nonnegative"
  CHECK ("confirmedCount" >= 0);
