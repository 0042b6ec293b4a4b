/** `npm run db:seed`: seeds the demo accounts and article into DATABASE_URL (or the embedded database). */
import { closeDb, getDb } from "../lib/db/client";
import { prepareDatabase } from "../lib/db/setup";
import { seedDemo } from "../prisma/seed/demo";

const log = (line: string) => console.log(`[seed] ${line}`);
const database = await prepareDatabase({ log });
process.env.DATABASE_URL = database.url;
await seedDemo(getDb(), log);
await closeDb();
await database.stop();
