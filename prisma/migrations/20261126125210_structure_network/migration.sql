-- CreateEnum
CREATE TYPE "StructureNetwork" AS ENUM ('UNAFO', 'FAS', 'USH', 'UNCCAS', 'FONDATION_LOGEMENT', 'SOLIHA', 'URIOPSS', 'UNHAJ', 'AUCUN', 'AUTRE');

-- AlterTable
ALTER TABLE "Registration" ADD COLUMN     "network" "StructureNetwork";
