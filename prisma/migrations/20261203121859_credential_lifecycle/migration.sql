-- Credential lifecycle (contract 6.5): client secrets move to their own table, so an
-- integration can have more than one live at a time (the overlap of a rotation), and API keys can expire.

-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN     "expiresAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ClientSecret" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "integrationId" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "lastFour" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),

    CONSTRAINT "ClientSecret_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ClientSecret_secretHash_key" ON "ClientSecret"("secretHash");

-- CreateIndex
CREATE INDEX "ClientSecret_integrationId_id_idx" ON "ClientSecret"("integrationId", "id");

-- AddForeignKey
ALTER TABLE "ClientSecret" ADD CONSTRAINT "ClientSecret_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClientSecret" ADD CONSTRAINT "ClientSecret_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The current secret of each integration becomes its one live ClientSecret. The ID reuses
-- the ULID of the integration ID: unique, and older than any secret made later (createdAt
-- keeps when the secret itself was made).
INSERT INTO "ClientSecret" ("id", "organizationId", "integrationId", "secretHash", "lastFour", "createdAt")
SELECT 'csec_' || substr("id", 5), "organizationId", "id", "clientSecretHash", "clientSecretLastFour", "clientSecretCreatedAt"
FROM "Integration"
WHERE "clientSecretHash" IS NOT NULL AND "clientSecretLastFour" IS NOT NULL AND "clientSecretCreatedAt" IS NOT NULL;

-- AlterTable
ALTER TABLE "Integration" DROP COLUMN "clientSecretCreatedAt",
DROP COLUMN "clientSecretHash",
DROP COLUMN "clientSecretLastFour";
