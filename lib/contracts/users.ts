import { z } from "zod";
import { GRANTABLE_GROUPS } from "../authz/groups";

/*
 * The JSON API of users (app/api/users): registration, and the rights and
 * blocks admins change, as components/auth and components/admin send them.
 * Pure zod and types.
 */

/** Body of `POST /api/users`: register an account. */
export const ZRegisterRequestSchema = z.strictObject({ username: z.string().max(200), password: z.string().max(1000) });

/** The 201 answer to a registration: the account as stored (its name normalized). */
export interface TRegisterResponse {
  user: { id: number; name: string };
}

/** Body of `PUT /api/users/{name}/block`: until when (null: indefinitely) and why. */
export const ZBlockUserRequestSchema = z.strictObject({
  expiresAt: z.iso.datetime({ offset: true }).nullable().optional(),
  reason: z.string().max(500),
});

/** Body of `DELETE /api/users/{name}/block`. */
export const ZUnblockUserRequestSchema = z.strictObject({ reason: z.string().max(500) });

/** Body of `POST /api/users/{name}/groups`: a group only an admin can grant. */
export const ZGrantGroupRequestSchema = z.strictObject({
  group: z.enum(GRANTABLE_GROUPS),
  reason: z.string().max(500),
});

/** Body of `DELETE /api/users/{name}/groups/{group}`. */
export const ZRevokeGroupRequestSchema = z.strictObject({ reason: z.string().max(500) });

/** The path of every `/api/users/{name}` route. */
export const ZUserParams = z.object({ name: z.string() });

/** The path of `/api/users/{name}/groups/{group}`. */
export const ZUserGroupParams = z.object({ name: z.string(), group: z.string() });
