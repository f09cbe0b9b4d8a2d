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

describe("findGcpProjects in prose", () => {
  it.each([
    ["service account keys were minted in project globex-prod-2210 overnight", "globex-prod-2210"],
    ["the GCP project initech-analytics had a public dataset", "initech-analytics"],
    ['logs of project "hooli-ml-lab" showed SetIamPolicy', "hooli-ml-lab"],
    ["gcloud projects get-iam-policy globex-web --format=json", "globex-web"],
    ["gcloud projects add-iam-policy-binding initech-data01 --member=user:x", "initech-data01"],
  ])("takes the id after 'project' in %s", (text, value) => {
    expect(values(text)).toEqual([value]);
  });

  it.each([
    "The project management tool was abused for C2 (T1102).",
    "an open-source project on GitHub hosted the payload",
    "the project's build-server was compromised",
    "Project Sauron used a custom loader.",
    "the project my-project in the docs",
    "the open-source project log4j-core was vulnerable (CVE-2021-44228)",
    "gcloud projects list --filter=lifecycleState:ACTIVE",
  ])("keeps %s", (text) => {
    expect(values(text)).toEqual([]);
  });
});
