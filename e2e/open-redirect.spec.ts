// Issue 5 item 4: a signed-in visit to /sign-in?callbackUrl=… may only land on this app's own
// origin, whatever the callbackUrl says, and never with a 5xx. Requests to any other host are
// answered by the test itself (no DNS needed), so a redirect that escapes shows up as a foreign URL.
import { expect, test } from "./fixtures";
import { E2E_USERS } from "./users";

const EVIL = [
  "//evil.example/",
  "/\\evil.example",
  "/\\/evil.example/",
  "http://host.evil.example/",
  "https://evil.example/steal",
  "/%09/evil.example",
  "javascript:alert(1)",
];

test("signed in, an evil callbackUrl ends on the app's own origin", async ({ page, signIn, baseURL }) => {
  const app = new URL(baseURL!).origin;
  await page.route(
    (url) => url.origin !== app,
    (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<h1>EVIL</h1>" }),
  );
  await signIn(page, E2E_USERS.admin.email);
  for (const callbackUrl of EVIL) {
    const response = await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    expect(response?.status() ?? 0, callbackUrl).toBeLessThan(500);
    expect(new URL(page.url()).origin, callbackUrl).toBe(app);
    await expect(page.getByRole("heading", { name: "EVIL" })).toHaveCount(0);
  }
  // A same-origin path is still honoured, and a repeated or undecodable one is not a 5xx.
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent("/releases")}`);
  expect(new URL(page.url()).pathname).toBe("/releases");
  for (const query of ["callbackUrl=/a&callbackUrl=/b", "callbackUrl=%2F%ED%A0%80"]) {
    const response = await page.goto(`/sign-in?${query}`);
    expect(response?.status() ?? 0, query).toBeLessThan(500);
    expect(new URL(page.url()).origin, query).toBe(app);
  }
});
