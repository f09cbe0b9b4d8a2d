export const E2E_USERS = {
  contributor: { email: "researcher@e2e.test", role: "CONTRIBUTOR" },
  reviewer: { email: "reviewer@e2e.test", role: "REVIEWER" },
  admin: { email: "admin@e2e.test", role: "ADMIN" },
} as const;

export const E2E_SQLITE_URL = "file:./data/e2e/app.db";
export const E2E_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/pe_e2e";
