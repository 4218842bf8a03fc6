-- CreateEnum
CREATE TYPE "DirectorySyncKind" AS ENUM ('FULL', 'INCREMENTAL');

-- CreateEnum
CREATE TYPE "DirectorySyncPhase" AS ENUM ('USERS', 'GROUPS');

-- CreateEnum
CREATE TYPE "DirectorySyncTrigger" AS ENUM ('CREATED', 'MANUAL', 'SCHEDULED');

-- AlterTable
ALTER TABLE "DirectorySync" ADD COLUMN     "allowMassDeactivation" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "deactivationBlocked" INTEGER,
ADD COLUMN     "deltaLink" TEXT,
ADD COLUMN     "groups" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "kind" "DirectorySyncKind" NOT NULL DEFAULT 'FULL',
ADD COLUMN     "phase" "DirectorySyncPhase" NOT NULL DEFAULT 'USERS',
ADD COLUMN     "trigger" "DirectorySyncTrigger" NOT NULL DEFAULT 'MANUAL';

-- AlterTable
ALTER TABLE "DirectoryUser" ADD COLUMN     "deactivatedBySyncId" TEXT,
ADD COLUMN     "upstreamActive" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "Integration" ADD COLUMN     "nextSyncAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "DirectoryGroup" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "integrationId" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "lastSeenSyncId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DirectoryGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DirectoryGroupMember" (
    "groupId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "integrationId" TEXT NOT NULL,
    "lastSeenSyncId" TEXT NOT NULL,

    CONSTRAINT "DirectoryGroupMember_pkey" PRIMARY KEY ("groupId","userId")
);

-- CreateIndex
CREATE INDEX "DirectoryGroup_organizationId_id_idx" ON "DirectoryGroup"("organizationId", "id");

-- CreateIndex
CREATE INDEX "DirectoryGroup_integrationId_id_idx" ON "DirectoryGroup"("integrationId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "DirectoryGroup_integrationId_externalId_key" ON "DirectoryGroup"("integrationId", "externalId");

-- CreateIndex
CREATE INDEX "DirectoryGroupMember_userId_groupId_idx" ON "DirectoryGroupMember"("userId", "groupId");

-- CreateIndex
CREATE INDEX "DirectoryGroupMember_integrationId_lastSeenSyncId_idx" ON "DirectoryGroupMember"("integrationId", "lastSeenSyncId");

-- CreateIndex
CREATE INDEX "Integration_nextSyncAt_idx" ON "Integration"("nextSyncAt");

-- AddForeignKey
ALTER TABLE "DirectoryGroup" ADD CONSTRAINT "DirectoryGroup_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DirectoryGroup" ADD CONSTRAINT "DirectoryGroup_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DirectoryGroupMember" ADD CONSTRAINT "DirectoryGroupMember_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "DirectoryGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DirectoryGroupMember" ADD CONSTRAINT "DirectoryGroupMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "DirectoryUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Added by hand: directory integrations made before schedules existed sync on their own
-- from now on, starting with the scheduler's next look.
UPDATE "Integration" SET "nextSyncAt" = CURRENT_TIMESTAMP WHERE "templateKey" IN ('OKTA', 'MICROSOFT_ENTRA');

-- Added by hand: until now no integration had a groupFilter, so the directory said what `active` says.
UPDATE "DirectoryUser" SET "upstreamActive" = "active";
