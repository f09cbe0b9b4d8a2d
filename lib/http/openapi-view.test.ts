import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";
import { describeSchema, flattenFields, referenceView } from "./openapi-view";

describe("describeSchema", () => {
  it("sums a schema up in one line", () => {
    expect(describeSchema({ type: "string", minLength: 1, maxLength: 120 })).toBe("string, 1–120 characters");
    expect(describeSchema({ type: "string", maxLength: 2000, format: "uri" })).toBe(
      "string (uri), at most 2000 characters",
    );
    expect(describeSchema({ type: "string", enum: ["CLEAR", "GREEN"], default: "CLEAR" })).toBe(
      'one of: "CLEAR", "GREEN", default "CLEAR"',
    );
    expect(describeSchema({ type: "integer", exclusiveMinimum: 0, maximum: Number.MAX_SAFE_INTEGER })).toBe(
      "whole number, > 0",
    );
    expect(describeSchema({ type: "array", items: { type: "string", minLength: 1 }, maxItems: 100, default: [] })).toBe(
      "array of string, at least 1 character, at most 100 items, default []",
    );
    expect(
      describeSchema({
        anyOf: [
          { type: "string", const: "" },
          { type: "string", format: "uri" },
        ],
      }),
    ).toBe('exactly "" or string (uri)');
    expect(describeSchema({})).toBe("any");
    expect(describeSchema({ type: "string", pattern: "^T\\d{4}$" })).toBe("string, matching `^T\\d{4}$`");
  });
});

describe("flattenFields", () => {
  it("lists nested fields with dotted names, in arrays and variants too", () => {
    const rows = flattenFields({
      type: "object",
      required: ["actor"],
      properties: {
        actor: {
          anyOf: [
            { type: "object", required: ["id"], properties: { id: { type: "string" } } },
            { type: "object", required: ["proposed"], properties: { proposed: { type: "object" } } },
          ],
        },
        references: {
          type: "array",
          items: { type: "object", required: ["url"], properties: { url: { type: "string", description: "Where." } } },
        },
      },
    });
    expect(rows.map((r) => [r.name, r.required])).toEqual([
      ["actor", true],
      ["actor.id", true],
      ["actor.proposed", true],
      ["references", false],
      ["references[].url", true],
    ]);
    expect(rows[4].description).toBe("Where.");
    expect(rows[1].description).toBe("In the form {id}.");
    expect(rows[0].description).toBeUndefined();
  });
});

describe("referenceView", () => {
  const view = referenceView(openApiDocument());

  it("groups every operation under its tag with the full path", () => {
    const review = view.find((t) => t.name === "Review")!;
    const queue = review.operations.find((o) => o.path === "/api/v1/queue")!;
    expect(queue).toMatchObject({ method: "GET", id: "getQueue", public: false });
    expect(queue.parameters.find((p) => p.name === "sort")).toMatchObject({
      in: "query",
      type: 'one of: "oldest", "newest"',
    });
    expect(queue.responses.map((r) => r.status)).toEqual(["200"]);
    expect(queue.errors).toEqual(["400", "401", "403", "429"]);
    const count = view.reduce((n, t) => n + t.operations.length, 0);
    const inDocument = Object.values(openApiDocument().paths).reduce((n, item) => n + Object.keys(item).length, 0);
    expect(count).toBe(inDocument);
  });

  it("shows a body's fields from the service's schema", () => {
    const submit = view.flatMap((t) => t.operations).find((o) => o.id === "postObservations")!;
    expect(submit.body.find((f) => f.name === "references[].sourceName")).toMatchObject({
      required: true,
      type: "string, 2–200 characters",
    });
    expect(submit.body.find((f) => f.name === "actor.proposed.name")).toBeDefined();
  });
});
