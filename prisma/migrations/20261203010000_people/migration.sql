-- People are named by the full name and position they give (họ và tên, chức vụ; /hoso),
-- by their Telegram name until they do. A secretary's invite can replace the branch's
-- secretary when it is accepted (/moi <mã> bithu thaythe); older invites add, as before.

-- AlterTable
ALTER TABLE "User" ADD COLUMN "fullName" TEXT;
ALTER TABLE "User" ADD COLUMN "position" TEXT;

-- AlterTable
ALTER TABLE "Invite" ADD COLUMN "replaces" BOOLEAN NOT NULL DEFAULT false;
