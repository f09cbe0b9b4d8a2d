import { describe, expect, it } from "vitest";
import { trailingSlashRedirect } from "./trailing-slash";

describe("trailingSlashRedirect", () => {
  it("redirects a trailing slash away, keeping the query, as Next.js does by default", () => {
    const response = trailingSlashRedirect("http://h/queue/?page=2")!;
    expect(response.status).toBe(308);
    expect(response.headers.get("location")).toBe("http://h/queue?page=2");
    expect(trailingSlashRedirect("http://h/a/b//")!.headers.get("location")).toBe("http://h/a/b");
  });

  it("redirects to the public origin when one is configured", () => {
    const response = trailingSlashRedirect("http://10.0.0.5:3000/my/", "https://pe.example.org/")!;
    expect(response.headers.get("location")).toBe("https://pe.example.org/my");
  });

  it("never redirects off the site", () => {
    for (const url of ["http://h//evil.example/", "http://h/\\evil.example/", "http://h///evil.example//"]) {
      expect(trailingSlashRedirect(url)!.headers.get("location"), url).toBe("http://h/evil.example");
    }
  });

  it("leaves the root, slash-less paths and TAXII addresses alone", () => {
    for (const url of ["http://h/", "http://h/queue", "http://h/taxii2/", "http://h/taxii2/api/collections/"]) {
      expect(trailingSlashRedirect(url), url).toBeNull();
    }
  });
});
