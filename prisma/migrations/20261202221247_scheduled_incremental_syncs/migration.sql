-- CreateEnum
CREATE TYPE "DirectorySyncKind" AS ENUM ('FULL', 'INCREMENTAL');

-- CreateEnum
CREATE TYPE "DirectorySyncTrigger" AS ENUM ('CREATED', 'MANUAL', 'SCHEDULED');

-- AlterTable
ALTER TABLE "DirectorySync" ADD COLUMN     "allowMassDeactivation" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "deactivationBlocked" INTEGER,
ADD COLUMN     "deltaLink" TEXT,
ADD COLUMN     "kind" "DirectorySyncKind" NOT NULL DEFAULT 'FULL',
ADD COLUMN     "trigger" "DirectorySyncTrigger" NOT NULL DEFAULT 'MANUAL';

-- AlterTable
ALTER TABLE "DirectoryUser" ADD COLUMN     "deactivatedBySyncId" TEXT;

-- AlterTable
ALTER TABLE "Integration" ADD COLUMN     "nextSyncAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Integration_nextSyncAt_idx" ON "Integration"("nextSyncAt");

-- Added by hand: directory integrations made before schedules existed sync on their own
-- from now on, starting with the scheduler's next look.
UPDATE "Integration" SET "nextSyncAt" = CURRENT_TIMESTAMP WHERE "templateKey" IN ('OKTA', 'MICROSOFT_ENTRA');
