// One table maps roles to permissions; every check goes through `can`/`assertCan`, which fail closed.
import { AppError } from "../errors";

export const ROLES = ["CONTRIBUTOR", "REVIEWER", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  id: string;
  email: string;
  role: Role;
}

export type Permission =
  | "observation:create"
  | "observation:read-own"
  | "observation:read-any"
  | "observation:edit-any"
  | "observation:decide"
  | "observation:override-claim"
  | "observation:reopen"
  // Point an observation whose technique ATT&CK revoked or deprecated at a live one (lib/observations/remap).
  | "observation:remap"
  | "release:manage"
  | "user:manage"
  // Browse the audit log (lib/audit/browse).
  | "audit:read"
  // See every job (exports, …) and retry failed ones (lib/jobs/admin); anyone sees the jobs they started.
  | "job:manage";

const PERMISSIONS: Record<Role, readonly Permission[]> = {
  CONTRIBUTOR: ["observation:create", "observation:read-own"],
  REVIEWER: [
    "observation:create",
    "observation:read-own",
    "observation:read-any",
    "observation:edit-any",
    "observation:decide",
    "observation:remap",
  ],
  ADMIN: [
    "observation:create",
    "observation:read-own",
    "observation:read-any",
    "observation:edit-any",
    "observation:decide",
    "observation:override-claim",
    "observation:reopen",
    "observation:remap",
    "release:manage",
    "user:manage",
    "audit:read",
    "job:manage",
  ],
};

export function can(actor: Actor | null | undefined, permission: Permission): boolean {
  if (!actor) return false;
  return PERMISSIONS[actor.role]?.includes(permission) ?? false;
}

export function assertCan(actor: Actor | null | undefined, permission: Permission): asserts actor is Actor {
  if (!actor)
    throw new AppError(
      "UNAUTHENTICATED",
      "Sign in first, or send a personal API token as 'Authorization: Bearer <token>'.",
    );
  if (!can(actor, permission)) {
    throw new AppError(
      "FORBIDDEN",
      `Your role (${actor.role}) does not allow this (${permission}). Ask an admin for a role that does.`,
    );
  }
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
