// Cloud and platform classes: AWS account ids, ARNs, S3/GCS buckets, Azure tenant and subscription GUIDs, Entra and
// Okta user ids, GCP project ids, Kubernetes namespaces and pods, git remotes on customer hosts. AWS ids are the
// documentation's example accounts (123456789012, 111122223333 …); GUIDs are made up.
import { labelled, type LabelledSentence } from "./types";

export const AWS_ACCOUNT_SENTENCES: LabelledSentence[] = [
  labelled(
    "CloudTrail showed AssumeRole calls into account 123456789012 from an unfamiliar network (T1078.004).",
    { "AWS-ACCOUNT": ["123456789012"] },
    ["CloudTrail", "AssumeRole", "T1078.004"],
  ),
  labelled("The actor enumerated S3 in AWS account 210987654321 with Pacu.", { "AWS-ACCOUNT": ["210987654321"] }, [
    "Pacu",
  ]),
  labelled(
    "`aws sts get-caller-identity` returned Account 111122223333 for the stolen key.",
    { "AWS-ACCOUNT": ["111122223333"] },
    ["`aws sts get-caller-identity`"],
  ),
  labelled(
    "GuardDuty in account 444455556666 flagged crypto-mining on EC2 (T1496).",
    { "AWS-ACCOUNT": ["444455556666"] },
    ["GuardDuty", "EC2", "T1496"],
  ),
  labelled("The cross-account trust from AWS account 777788889999 to production was abused to pivot.", {
    "AWS-ACCOUNT": ["777788889999"],
  }),
  labelled(
    "The leaked access key belonged to account id 098765432109 in eu-west-1.",
    { "AWS-ACCOUNT": ["098765432109"] },
    ["eu-west-1"],
  ),
  labelled(
    "An IAM user in AWS account 555566667777 created a second access key for persistence (T1098.001).",
    { "AWS-ACCOUNT": ["555566667777"] },
    ["IAM", "T1098.001"],
  ),
  labelled(
    "Member account 314159265358 of the organization had CloudTrail logging stopped (T1562.008).",
    { "AWS-ACCOUNT": ["314159265358"] },
    ["CloudTrail", "T1562.008"],
  ),
  labelled(
    "The access key AKIAIOSFODNN7EXAMPLE was used from a VPS against account 123456789012.",
    { "AWS-ACCOUNT": ["123456789012"], "CLOUD-USER": ["AKIAIOSFODNN7EXAMPLE"] },
    ["VPS"],
  ),
];

export const ARN_SENTENCES: LabelledSentence[] = [
  labelled("The role arn:aws:iam::123456789012:role/OrganizationAccountAccessRole was assumed from a new IP address.", {
    ARN: ["arn:aws:iam::123456789012:role/OrganizationAccountAccessRole"],
  }),
  labelled(
    "Data was copied out of arn:aws:s3:::contoso-finance-backups/* with the AWS CLI (T1530).",
    { BUCKET: ["contoso-finance-backups"] },
    ["AWS CLI", "T1530"],
  ),
  labelled(
    "The Lambda function arn:aws:lambda:us-east-1:210987654321:function:payroll-sync was backdoored (T1525).",
    { ARN: ["arn:aws:lambda:us-east-1:210987654321:function:payroll-sync"] },
    ["Lambda", "T1525"],
  ),
  labelled("The user arn:aws:iam::111122223333:user/ci-deployer created new access keys.", {
    ARN: ["arn:aws:iam::111122223333:user/ci-deployer"],
  }),
  labelled(
    "KMS key arn:aws:kms:eu-west-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab was scheduled for deletion (T1485).",
    { ARN: ["arn:aws:kms:eu-west-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab"] },
    ["KMS", "T1485"],
  ),
  labelled(
    "Secrets were read from arn:aws:secretsmanager:us-west-2:777788889999:secret:prod/db-AbCdEf (T1555.006).",
    { ARN: ["arn:aws:secretsmanager:us-west-2:777788889999:secret:prod/db-AbCdEf"] },
    ["T1555.006"],
  ),
  labelled(
    "STS returned arn:aws:sts::555566667777:assumed-role/AdminRole/session-x for the stolen token.",
    { ARN: ["arn:aws:sts::555566667777:assumed-role/AdminRole/session-x"] },
    ["STS"],
  ),
  labelled(
    "The instance profile arn:aws:iam::098765432109:instance-profile/web-tier was abused via IMDS (T1552.005).",
    { ARN: ["arn:aws:iam::098765432109:instance-profile/web-tier"] },
    ["IMDS", "T1552.005"],
  ),
  labelled(
    "The role arn:aws:iam::314159265358:role/github-actions-deploy was assumed by a forked workflow (T1078.004).",
    { ARN: ["arn:aws:iam::314159265358:role/github-actions-deploy"] },
    ["T1078.004"],
  ),
];

export const BUCKET_SENTENCES: LabelledSentence[] = [
  labelled(
    "The actor listed s3://contoso-prod-logs and suspended its versioning (T1485).",
    { BUCKET: ["contoso-prod-logs"] },
    ["s3://", "T1485"],
  ),
  labelled(
    "Exfiltration went to the bucket fabrikam-hr-exports via `aws s3 sync` (T1537).",
    { BUCKET: ["fabrikam-hr-exports"] },
    ["`aws s3 sync`", "T1537"],
  ),
  labelled("The public bucket northwind-customer-data.s3.amazonaws.com exposed invoices.", {
    BUCKET: ["northwind-customer-data"],
  }),
  labelled(
    "The bucket s3://woodgrove-cloudtrail-archive lost its object lock before deletion.",
    { BUCKET: ["woodgrove-cloudtrail-archive"] },
    ["s3://"],
  ),
  labelled(
    "Terraform state in S3 bucket tailspin-tfstate-prod contained database secrets (T1552.001).",
    { BUCKET: ["tailspin-tfstate-prod"] },
    ["Terraform", "T1552.001"],
  ),
  labelled("An S3 bucket named litware-backup-2024 received the ransom note.", { BUCKET: ["litware-backup-2024"] }),
  labelled(
    "`aws s3 cp s3://adventureworks-payroll/ . --recursive` copied every object.",
    { BUCKET: ["adventureworks-payroll"] },
    ["`aws s3 cp s3://", "/ . --recursive`"],
  ),
  labelled("The GCS bucket gs://contoso-ml-datasets was made public (T1098).", { BUCKET: ["contoso-ml-datasets"] }, [
    "gs://",
  ]),
];

export const AZURE_ID_SENTENCES: LabelledSentence[] = [
  labelled(
    "Sign-ins to tenant 3f2504e0-4f89-41d3-9a0c-0305e82c3301 came from a residential proxy (T1090.002).",
    { "AZURE-ID": ["3f2504e0-4f89-41d3-9a0c-0305e82c3301"] },
    ["T1090.002"],
  ),
  labelled(
    "The subscription 8c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e was used to deploy crypto-mining VMs (T1496).",
    { "AZURE-ID": ["8c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e"] },
    ["T1496"],
  ),
  labelled(
    "`az account set --subscription 0b7e1c2d-3f4a-4b5c-9d6e-7f8091a2b3c4` preceded the snapshot export.",
    { "AZURE-ID": ["0b7e1c2d-3f4a-4b5c-9d6e-7f8091a2b3c4"] },
    ["`az account set --subscription "],
  ),
  labelled(
    "Tenant ID: d4e5f6a7-b8c9-4d0e-a1f2-3b4c5d6e7f80 appeared in the stolen refresh token (T1528).",
    { "AZURE-ID": ["d4e5f6a7-b8c9-4d0e-a1f2-3b4c5d6e7f80"] },
    ["T1528"],
  ),
  labelled(
    "ROADtools dumped the directory of tenant 11111111-2222-4333-8444-555555555555.",
    { "AZURE-ID": ["11111111-2222-4333-8444-555555555555"] },
    ["ROADtools"],
  ),
  labelled(
    "The resource group under /subscriptions/9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d/resourceGroups/ was deleted.",
    { "AZURE-ID": ["9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"] },
    ["/subscriptions/", "/resourceGroups/"],
  ),
  labelled(
    "An app registration in directory (tenant) ID 6e5d4c3b-2a19-4f08-b7e6-d5c4b3a29180 got new credentials (T1098.001).",
    { "AZURE-ID": ["6e5d4c3b-2a19-4f08-b7e6-d5c4b3a29180"] },
    ["T1098.001"],
  ),
  labelled(
    "AzureHound collected role assignments of subscription 2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f.",
    { "AZURE-ID": ["2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f"] },
    ["AzureHound"],
  ),
];

export const CLOUD_USER_SENTENCES: LabelledSentence[] = [
  labelled(
    "The Okta system log showed user 00u8f3k2q9XyZaB7c4d7 approving the push (T1621).",
    { "CLOUD-USER": ["00u8f3k2q9XyZaB7c4d7"] },
    ["Okta", "T1621"],
  ),
  labelled(
    "Entra ID user object ID 5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e was added to Global Administrator.",
    { "CLOUD-USER": ["5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e"] },
    ["Entra ID", "Global Administrator"],
  ),
  labelled(
    "The Okta actor id 00ub0oNGTSWTBKOLGLNR reset the factors of other users.",
    { "CLOUD-USER": ["00ub0oNGTSWTBKOLGLNR"] },
    ["Okta"],
  ),
  labelled(
    "Azure AD objectId e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b consented to Graph permissions (T1528).",
    { "CLOUD-USER": ["e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b"] },
    ["Azure AD", "T1528"],
  ),
  labelled(
    "`Get-MgUser -UserId 7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d` returned the compromised admin.",
    { "CLOUD-USER": ["7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d"] },
    ["`Get-MgUser -UserId "],
  ),
  labelled(
    "Okta user 00u2q7x1LmNoPqRs3t4u was impersonated through a stolen session cookie (T1539).",
    { "CLOUD-USER": ["00u2q7x1LmNoPqRs3t4u"] },
    ["T1539"],
  ),
  labelled("Audit logs attribute the mailbox export to the user principal id 4c5d6e7f-8a9b-4c0d-9e1f-2a3b4c5d6e7f.", {
    "CLOUD-USER": ["4c5d6e7f-8a9b-4c0d-9e1f-2a3b4c5d6e7f"],
  }),
  labelled(
    "The Okta userId 00uabcd1234EFGH5678 was added to the Super Admin group (T1098.003).",
    { "CLOUD-USER": ["00uabcd1234EFGH5678"] },
    ["Super Admin", "T1098.003"],
  ),
];

export const GCP_PROJECT_SENTENCES: LabelledSentence[] = [
  labelled(
    "Service account keys were created in project contoso-prod-4821 (T1098.001).",
    { "GCP-PROJECT": ["contoso-prod-4821"] },
    ["T1098.001"],
  ),
  labelled(
    "`gcloud config set project fabrikam-analytics-prd` was the first command in the shell history.",
    { "GCP-PROJECT": ["fabrikam-analytics-prd"] },
    ["`gcloud config set project "],
  ),
  labelled(
    "BigQuery datasets in GCP project northwind-bi-3390 were exported to an external bucket (T1537).",
    { "GCP-PROJECT": ["northwind-bi-3390"] },
    ["BigQuery", "T1537"],
  ),
  labelled(
    "The actor used projects/woodgrove-payments-01/serviceAccounts to impersonate the CI account.",
    { "GCP-PROJECT": ["woodgrove-payments-01"] },
    ["/serviceAccounts"],
  ),
  labelled(
    "A Compute Engine VM in project tailspin-ml-sandbox mined cryptocurrency (T1496).",
    { "GCP-PROJECT": ["tailspin-ml-sandbox"] },
    ["Compute Engine", "T1496"],
  ),
  labelled("The org policy of project_id litware-core-infra was modified to allow external IPs.", {
    "GCP-PROJECT": ["litware-core-infra"],
  }),
  labelled(
    "Cloud Functions in GCP project adventure-web-7731 were backdoored (T1525).",
    { "GCP-PROJECT": ["adventure-web-7731"] },
    ["Cloud Functions", "T1525"],
  ),
  labelled(
    "Logs of project wingtip-data-lake showed GetIamPolicy calls from a new identity.",
    { "GCP-PROJECT": ["wingtip-data-lake"] },
    ["GetIamPolicy"],
  ),
];

export const K8S_SENTENCES: LabelledSentence[] = [
  labelled(
    "A privileged pod payments-api-7d9f8b6c5-x2kqz was launched in namespace contoso-payments (T1610).",
    { K8S: ["payments-api-7d9f8b6c5-x2kqz", "contoso-payments"] },
    ["T1610"],
  ),
  labelled(
    "The actor ran `kubectl exec -n fabrikam-prod -it web-frontend-5c8d7f9b4-abcde -- /bin/sh` (T1609).",
    { K8S: ["fabrikam-prod", "web-frontend-5c8d7f9b4-abcde"] },
    ["`kubectl exec -n ", " -- /bin/sh`", "T1609"],
  ),
  labelled("The XMRig miner ran in namespace northwind-batch on the GPU node pool.", { K8S: ["northwind-batch"] }, [
    "XMRig",
  ]),
  labelled(
    "`kubectl get secrets -n woodgrove-hr` dumped the service account tokens (T1552.007).",
    { K8S: ["woodgrove-hr"] },
    ["`kubectl get secrets -n ", "T1552.007"],
  ),
  labelled(
    "The pod ledger-worker-6b5f9c7d8-9qwer mounted the host filesystem through hostPath (T1611).",
    { K8S: ["ledger-worker-6b5f9c7d8-9qwer"] },
    ["hostPath", "T1611"],
  ),
  labelled(
    "Falco alerted on a shell in pod tailspin-checkout-0 of namespace tailspin-shop.",
    { K8S: ["tailspin-checkout-0", "tailspin-shop"] },
    ["Falco"],
  ),
  labelled(
    "The namespace litware-ci had a cluster-admin binding for its default service account.",
    { K8S: ["litware-ci"] },
    ["cluster-admin"],
  ),
  labelled(
    "Peirates was run from pod jenkins-agent-4f7k2 to steal service account tokens.",
    { K8S: ["jenkins-agent-4f7k2"] },
    ["Peirates"],
  ),
];

export const REPO_SENTENCES: LabelledSentence[] = [
  labelled(
    "The actor cloned git@git.contoso.com:platform/infra-secrets.git and searched it for keys (T1213.003).",
    { REPO: ["git@git.contoso.com:platform/infra-secrets.git"] },
    ["T1213.003"],
  ),
  labelled("Code was pulled from https://gitlab.fabrikam.local/finance/ledger.git with a stolen access token.", {
    REPO: ["https://gitlab.fabrikam.local/finance/ledger.git"],
  }),
  labelled(
    "`git clone ssh://git@bitbucket.northwind.internal:7999/pay/api.git` appeared in the shell history.",
    { REPO: ["ssh://git@bitbucket.northwind.internal:7999/pay/api.git"] },
    ["`git clone "],
  ),
  labelled(
    "Secrets in https://dev.azure.com/woodgrove/Payments/_git/payments-api were harvested with TruffleHog.",
    { REPO: ["https://dev.azure.com/woodgrove/Payments/_git/payments-api"] },
    ["TruffleHog"],
  ),
  labelled(
    "The CI runner fetched git.tailspin.lan/devops/pipelines.git and tooling from github.com/attacker/repo.",
    { REPO: ["git.tailspin.lan/devops/pipelines.git"] },
    ["github.com/attacker/repo"],
  ),
  labelled("The remote https://scm.litware.example.com/scm/core/auth-service.git was added to the backdoored clone.", {
    REPO: ["https://scm.litware.example.com/scm/core/auth-service.git"],
  }),
  labelled(
    "The project code.adventure-works.com/ops/ansible was modified to push a cron job (T1053.003).",
    { REPO: ["code.adventure-works.com/ops/ansible"] },
    ["T1053.003"],
  ),
  labelled(
    "`git remote -v` showed origin git@gitea.wingtip.internal:it/scripts.git on the build server.",
    { REPO: ["git@gitea.wingtip.internal:it/scripts.git"] },
    ["`git remote -v`"],
  ),
];
