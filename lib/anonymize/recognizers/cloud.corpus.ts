// Labelled sentences for the cloud, network and number recognizers, in the shape of `CORPUS`
// (corpus.fixture.ts): `gone` must not survive scrub(), `stays` must survive verbatim. Kept separate so the
// corpus and bench can take them (`[...CORPUS, ...CLOUD_CORPUS]`) without every slice editing one file.
import type { CorpusCase } from "../corpus.fixture";

export const CLOUD_CORPUS: CorpusCase[] = [
  {
    name: "IAM role chaining in a customer AWS account",
    text: [
      "The actor used access key AKIAZ3MSJV4WWNKWW5FG (user svc-backup) in account 123456789012 and ran",
      "aws sts assume-role --role-arn arn:aws:iam::123456789012:role/OrganizationAccountAccessRole, then attached",
      "arn:aws:iam::aws:policy/AdministratorAccess (T1098.003) and copied s3://acme-payroll-exports/2024/ out.",
    ].join("\n"),
    gone: ["AKIAZ3MSJV4WWNKWW5FG", "123456789012", "OrganizationAccountAccessRole", "acme-payroll-exports"],
    stays: ["aws sts assume-role --role-arn", "arn:aws:iam::aws:policy/AdministratorAccess", "T1098.003", "s3://"],
  },
  {
    name: "ECR image pulled from the victim registry",
    text: "docker pull 210987654321.dkr.ecr.eu-central-1.amazonaws.com/payments-api:1.4.2 (T1525)",
    gone: ["210987654321"],
    stays: ["docker pull", "T1525"],
  },
  {
    name: "S3 bucket in every spelling",
    text: "Objects went from https://acme-logs.s3.us-east-1.amazonaws.com/ct/ and arn:aws:s3:::acme-logs/* to gs://exfil-drop-4411.",
    gone: ["acme-logs", "exfil-drop-4411"],
    stays: ["arn:aws:s3:::", "/*"],
  },
  {
    name: "Azure tenant, subscription and storage account",
    text: [
      "Connect-AzAccount -TenantId 5f1d2c7e-8a3b-4c9d-9e0f-1a2b3c4d5e6f, then az account set --subscription",
      "0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d and az storage blob download from https://acmefin01.blob.core.windows.net/backups.",
      "COM hijack of CLSID {0002DF01-0000-0000-C000-000000000046} (T1546.015).",
    ].join("\n"),
    gone: ["5f1d2c7e-8a3b-4c9d-9e0f-1a2b3c4d5e6f", "0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d", "acmefin01"],
    stays: ["Connect-AzAccount -TenantId", "{0002DF01-0000-0000-C000-000000000046}", "T1546.015"],
  },
  {
    name: "Entra object id and Okta user id",
    text: 'Graph showed "id": "x", ObjectId: 9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a; Okta user 00u1a2b3c4d5e6f7g8h9 was reset.',
    gone: ["9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a", "00u1a2b3c4d5e6f7g8h9"],
    stays: ["ObjectId:", "Okta user"],
  },
  {
    name: "GCP project",
    text: "gcloud iam service-accounts keys create k.json --project acme-ml-prod-7731 (T1098.001); projects/acme-ml-prod-7731/secrets",
    gone: ["acme-ml-prod-7731"],
    stays: ["gcloud iam service-accounts keys create k.json --project", "T1098.001", "/secrets"],
  },
  {
    name: "IPv6 beacon and MAC",
    text: "The implant on NIC 00:1A:2B:3C:4D:5E beaconed from fe80::1c2d:3e4f:5a6b:7c8d to 2001:db8:85a3::8a2e:370:7334 at 12:30:45; std::string parsing, binds ::1.",
    gone: ["00:1A:2B:3C:4D:5E", "fe80::1c2d:3e4f:5a6b:7c8d", "2001:db8:85a3::8a2e:370:7334"],
    stays: ["12:30:45", "std::string", "::1"],
  },
  {
    name: "Vishing the help desk",
    text: "The caller, spoofing +1 (415) 555-2671, asked the help desk to call (555) 123-4567 about event 4624 on build 10.0.19041.1 (T1566.004).",
    gone: ["555-2671", "123-4567"],
    stays: ["4624", "10.0.19041.1", "T1566.004"],
  },
  {
    name: "HR export with national ids",
    text: "The staged HR export payroll.csv held SSN 123-45-6789 and NINO AB 12 34 56 C rows; CVE-2021-44228 was the way in.",
    gone: ["123-45-6789", "AB 12 34 56 C"],
    stays: ["payroll.csv", "CVE-2021-44228"],
  },
  {
    name: "Kubernetes secrets and exec",
    text: [
      "kubectl get secrets -n prod-payments -o yaml; kubectl get pods -n kube-system",
      "kubectl exec -it payments-api-7d9f8b6c4-x2x9z -- /bin/sh (T1609)",
    ].join("\n"),
    gone: ["prod-payments", "payments-api-7d9f8b6c4-x2x9z"],
    stays: ["kubectl get secrets -n", "kube-system", "-- /bin/sh", "T1609"],
  },
  {
    name: "Git remote on a customer forge",
    text: "git clone https://gitlab.contoso.com/finance/ledger-service.git, then git clone https://github.com/gentilkiwi/mimikatz.git",
    gone: ["finance/ledger-service", "gitlab.contoso.com"],
    stays: ["git clone https://", ".git", "https://github.com/gentilkiwi/mimikatz.git"],
    options: { keep: ["github.com"] },
  },
  {
    name: "Asset tag and employee number",
    text: "Laptop asset tag 004512 belonging to employee no. 48213 (badge 7781) ran Mimikatz.",
    gone: ["004512", "48213", "7781"],
    stays: ["Laptop asset tag", "employee no.", "Mimikatz"],
  },
];
