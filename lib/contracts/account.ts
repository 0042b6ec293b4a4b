import { z } from "zod";

/*
 * The JSON API of one's own account (app/api/account), requests and answers,
 * as components/auth sends and reads them. Pure zod and types.
 */

/** Body of `POST /api/account/password`: the current password proves it is the owner. */
export const ZChangePasswordRequestSchema = z.strictObject({
  currentPassword: z.string().max(1000),
  newPassword: z.string().max(1000),
});
export type TChangePasswordRequest = z.input<typeof ZChangePasswordRequestSchema>;

/** Body of `POST /api/account/sign-out-everywhere` (nothing to say). */
export const ZSignOutEverywhereRequestSchema = z.strictObject({});

/** The answer of both account routes. */
export interface TAccountResponse {
  ok: true;
}
