-- Talk page posts appear in recent changes (and so in watchlists): kind 'talk'.
ALTER TABLE "RecentChange" DROP CONSTRAINT "RecentChange_kind_check";
ALTER TABLE "RecentChange" ADD CONSTRAINT "RecentChange_kind_check"
  CHECK ("kind" IN ('edit', 'create', 'rollback', 'proposal', 'decision', 'protection', 'rights', 'block', 'pending-changes', 'patrol', 'talk'));
