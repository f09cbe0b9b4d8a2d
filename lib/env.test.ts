import { describe, expect, it } from "vitest";
import { servedOverHttps, startupProblem } from "./env";

describe("startupProblem", () => {
  it.each([
    [{}, null],
    [{ SMTP_URL: "smtp://x" }, null],
    [{ APP_ENV: "production", SMTP_URL: "smtps://u:p@smtp.example.org:465" }, null],
    [{ APP_ENV: "staging" }, null],
  ])("%j starts", (env, expected) => {
    expect(startupProblem(env)).toBe(expected);
  });
  it.each([[{ APP_ENV: "production" }], [{ APP_ENV: "production", SMTP_URL: "  " }]])(
    "%j refuses, saying what to set",
    (env) => {
      expect(startupProblem(env)).toMatch(/SMTP_URL/);
      expect(startupProblem(env)).toMatch(/APP_ENV/);
    },
  );
});

describe("servedOverHttps", () => {
  it.each([
    [{ NEXTAUTH_URL: "https://exchange.example.org" }, true],
    [{ NEXTAUTH_URL: "HTTPS://exchange.example.org" }, true],
    [{ NEXTAUTH_URL: "http://localhost:3000" }, false],
    [{}, false],
  ])("%j → %s", (env, expected) => {
    expect(servedOverHttps(env)).toBe(expected);
  });
});
