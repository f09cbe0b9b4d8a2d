export const E2E_USERS = {
  contributor: { email: "researcher@e2e.test", role: "CONTRIBUTOR" },
  reviewer: { email: "reviewer@e2e.test", role: "REVIEWER" },
  admin: { email: "admin@e2e.test", role: "ADMIN" },
} as const;
