-- A submission owes its branch's digest rows a refresh (a row here), paid right after
-- its receipt is sent instead of inside its transaction (src/store/digest-refresh.ts).

-- CreateTable
CREATE TABLE "DigestRefresh" (
    "unitId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "owedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DigestRefresh_pkey" PRIMARY KEY ("unitId", "year")
);
