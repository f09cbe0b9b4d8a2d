import { describe, expect, it } from "vitest";
import { scrub } from "../index";
import { findAwsIds } from "./aws";

const found = (text: string) => findAwsIds(text).map((c) => [c.kind, c.value]);

describe("findAwsIds", () => {
  it.each([
    ["in account 123456789012 the attacker", "AWS-ACCOUNT", "123456789012"],
    ['"AccountId": "123456789012"', "AWS-ACCOUNT", "123456789012"],
    ["aws_account_id = 123456789012", "AWS-ACCOUNT", "123456789012"],
    ["aws:SourceAccount: 210987654321", "AWS-ACCOUNT", "210987654321"],
    ["AWS account 1234-5678-9012 (console)", "AWS-ACCOUNT", "1234-5678-9012"],
    ["Owner ID 123456789012", "AWS-ACCOUNT", "123456789012"],
    [
      "docker pull 123456789012.dkr.ecr.us-east-1.amazonaws.com/payments:latest",
      "AWS-ACCOUNT",
      "123456789012.dkr.ecr.us-east-1.amazonaws.com",
    ],
    [
      "assumed arn:aws:iam::123456789012:role/OrganizationAccountAccessRole.",
      "ARN",
      "arn:aws:iam::123456789012:role/OrganizationAccountAccessRole",
    ],
    ["arn:aws-us-gov:iam::123456789012:user/jdoe.admin", "ARN", "arn:aws-us-gov:iam::123456789012:user/jdoe.admin"],
    [
      "(arn:aws-cn:lambda:cn-north-1:123456789012:function:exfil)",
      "ARN",
      "arn:aws-cn:lambda:cn-north-1:123456789012:function:exfil",
    ],
    ["arn:aws:lambda:*:123456789012:function:*", "ARN", "arn:aws:lambda:*:123456789012:function:*"],
    ['"principalId": "AIDAJQABLZS4A3QDU576Q"', "CLOUD-USER", "AIDAJQABLZS4A3QDU576Q"],
    ["key AKIAIOSFODNN7EXAMPLE was used", "CLOUD-USER", "AKIAIOSFODNN7EXAMPLE"],
    ["session ASIAY34FZKBOKMUTVV7A", "CLOUD-USER", "ASIAY34FZKBOKMUTVV7A"],
    [
      "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
      "CLOUD-USER",
      "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    ],
    ["aws s3 cp s3://acme-payroll-backups/2023/ .", "BUCKET", "acme-payroll-backups"],
    ["https://acme-payroll.s3.amazonaws.com/x.zip", "BUCKET", "acme-payroll.s3.amazonaws.com"],
    ["acme-payroll.s3.eu-west-1.amazonaws.com", "BUCKET", "acme-payroll.s3.eu-west-1.amazonaws.com"],
    ["https://s3.amazonaws.com/acme-payroll/x.zip", "BUCKET", "acme-payroll"],
    ["https://s3.us-east-2.amazonaws.com/acme-payroll/x", "BUCKET", "acme-payroll"],
    ["Resource: arn:aws:s3:::acme-payroll/*", "BUCKET", "acme-payroll"],
    ["gsutil cp gs://acme-ml-data/model.pt .", "BUCKET", "acme-ml-data"],
    ["https://storage.googleapis.com/acme-ml-data/model.pt", "BUCKET", "acme-ml-data"],
    ["https://acmefinance.blob.core.windows.net/backups", "BUCKET", "acmefinance.blob.core.windows.net"],
  ])("redacts %s", (text, kind, value) => {
    expect(found(text)).toEqual([[kind, value]]);
  });

  it.each([
    "attached arn:aws:iam::aws:policy/AdministratorAccess to the user",
    "Resource: arn:aws:s3:::*",
    "arn:aws:sns:*:*:* in a policy",
    "file size 123456789012 bytes, timestamp 163456789012",
    "the AWS account was compromised via S3 buckets and IAM roles",
    "SHA256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "AKIA alone and AKIAshort",
    "https://s3.amazonaws.com/ and the bucket s3 API",
  ])("keeps %s", (text) => {
    expect(found(text)).toEqual([]);
  });

  it("gives an account the same placeholder wherever it stands alone, and every spelling of a bucket one", () => {
    const { text } = scrub(
      "account 123456789012 owns arn:aws:iam::123456789012:user/jdoe; AccountId=123456789012. " +
        "s3://acme-logs, https://acme-logs.s3.amazonaws.com/a and arn:aws:s3:::acme-logs/*",
    );
    expect(text).toBe(
      "account [AWS-ACCOUNT-1] owns [ARN-1]; AccountId=[AWS-ACCOUNT-1]. " +
        "s3://[BUCKET-1], https://[BUCKET-1]/a and arn:aws:s3:::[BUCKET-1]/*",
    );
  });

  it("takes the ECR registry host whole, keyed by its account", () => {
    const { text } = scrub("account 123456789012 pushed to 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1");
    expect(text).toBe("account [AWS-ACCOUNT-1] pushed to [AWS-ACCOUNT-1]/app:1");
  });
});

describe("findAwsIds: buckets named in prose", () => {
  it.each([
    ["data went to the bucket globex-hr-exports via aws s3 sync", "globex-hr-exports"],
    ["Terraform state in S3 bucket initech-tfstate-prod held secrets", "initech-tfstate-prod"],
    ["an S3 bucket named hooli-backup-2024 got the note", "hooli-backup-2024"],
    ["bucket: globex.logs.archive", "globex.logs.archive"],
  ])("takes %s", (text, value) => {
    expect(found(text)).toEqual([["BUCKET", value]]);
  });

  it.each([
    "the bucket policy allowed public reads (T1530)",
    "each bucket and object was listed",
    "create a bucket my-bucket as in the AWS docs; bucket example-bucket",
    "bucket upload to evil.com",
    "S3 bucket v2.1.0 format",
  ])("keeps %s", (text) => {
    expect(found(text)).toEqual([]);
  });

  it("gives `s3://x` and 'bucket x' one placeholder", () => {
    expect(scrub("copied to s3://globex-hr-exports/ then bucket globex-hr-exports was emptied").text).toBe(
      "copied to s3://[BUCKET-1]/ then bucket [BUCKET-1] was emptied",
    );
  });
});
