-- AlterTable
ALTER TABLE "ReviewDecision" ADD COLUMN     "protectionLevel" TEXT;
