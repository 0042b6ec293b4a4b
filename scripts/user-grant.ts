/** `npm run user:grant -- <name> <group>`: grants a group (e.g. the first admin) on DATABASE_URL or the embedded database. */
import { closeDb, getDb } from "../lib/db/client";
import { prepareDatabase } from "../lib/db/setup";
import { GRANTABLE_GROUPS, type GrantableGroup } from "../lib/authz/groups";
import { grantGroupFromCommandLine } from "../lib/users/change-rights";

const [name, group] = process.argv.slice(2);
if (!name || !group) {
  console.error(`usage: npm run user:grant -- <username> <${GRANTABLE_GROUPS.join("|")}>`);
  process.exit(2);
}
const database = await prepareDatabase();
process.env.DATABASE_URL = database.url;
try {
  const result = await grantGroupFromCommandLine({ targetName: name, group: group as GrantableGroup, db: getDb() });
  console.log(`${result.user} is now in the group ${result.group}.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await closeDb();
  await database.stop();
}
