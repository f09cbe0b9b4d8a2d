import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SERVER_NODE_ARGS } from "./server-args";

const ROOT = path.resolve(__dirname, "..");
const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");

describe("the server's Node.js flags", () => {
  const command = `node ${SERVER_NODE_ARGS.join(" ")} --import tsx`;

  it("are what the README tells people who run server.ts themselves", () => {
    expect(SERVER_NODE_ARGS.length).toBeGreaterThan(0);
    expect(read("README.md")).toContain(`\`${command} server.ts\``);
  });
});
