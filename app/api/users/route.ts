import { getDb } from "@/lib/db/client";
import { WikiError } from "@/lib/errors";
import { mutation } from "@/lib/http/mutation";
import { clientAddress } from "@/lib/http/origin";
import { json } from "@/lib/http/respond";
import { consume } from "@/lib/rate-limit";
import { registerUser } from "@/lib/users/register-user";
import { ZRegisterRequestSchema, type TRegisterResponse } from "@/lib/contracts/users";

/** New accounts allowed per client address per hour (configurable, read on each request). */
const registrationsPerHour = () => Number(process.env.WIKI_REGISTRATIONS_PER_HOUR ?? 20);

// POST /api/users — register an account. Anyone; limited per client address.
export const POST = mutation({
  schema: ZRegisterRequestSchema,
  auth: "optional",
  async handler({ input, request }) {
    const limit = await consume(getDb(), `register:${clientAddress(request)}`, registrationsPerHour(), 3600);
    if (limit.limited)
      throw new WikiError(
        "rate_limited",
        `Too many new accounts from your address; try again in ${limit.retryAfter} seconds.`,
        { retryAfter: limit.retryAfter },
      );
    const user = await registerUser({ name: input.username, password: input.password });
    return json({ user } satisfies TRegisterResponse, 201);
  },
});
