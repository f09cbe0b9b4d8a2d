import { describe, expect, it } from "vitest";
import { scrub } from "../index";
import { findGcpProjects } from "./gcp";

const values = (text: string) => findGcpProjects(text).map((c) => c.value);

describe("findGcpProjects", () => {
  it.each([
    "projects/acme-prod-4821/serviceAccounts/x",
    "gcloud compute instances list --project acme-prod-4821",
    "gcloud compute ssh vm1 --project=acme-prod-4821",
    'project_id = "acme-prod-4821"',
    '"projectId": "acme-prod-4821"',
    "gcloud config set project acme-prod-4821",
  ])("redacts %s", (text) => {
    expect(values(text)).toEqual(["acme-prod-4821"]);
  });

  it.each([
    "gcloud projects list showed every project",
    "--project PROJECT_ID and projects/123456789012",
    "https://github.com/orgs/acme/projects/12",
    "projects/my-project/secrets",
  ])("keeps %s", (text) => {
    expect(values(text)).toEqual([]);
  });

  it("leaves a service account to the e-mail recognizer, project id included", () => {
    const { text, findings } = scrub("key for deployer@acme-prod-4821.iam.gserviceaccount.com was created");
    expect(text).toBe("key for [EMAIL-1] was created");
    expect(findings.map((f) => f.kind)).toEqual(["EMAIL"]);
  });
});
