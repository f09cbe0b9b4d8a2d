// Token limits, importable by the browser (lib/auth/tokens.ts needs node:crypto).
export const TOKEN_NAME_MAX = 100;
/** Active (unrevoked) tokens a user may hold at once: more is a leak waiting to happen. */
export const ACTIVE_TOKENS_MAX = 20;
