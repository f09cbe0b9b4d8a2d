// The labelled corpus, one module per group of classes. `CORPUS` is every sentence; `KEEP_ONLY_SENTENCES` those
// that carry no identifier at all.
import { ASSET_SENTENCES, EMPLOYEE_SENTENCES, NATIONAL_ID_SENTENCES } from "./records";
import {
  ARN_SENTENCES,
  AWS_ACCOUNT_SENTENCES,
  AZURE_ID_SENTENCES,
  BUCKET_SENTENCES,
  CLOUD_USER_SENTENCES,
  GCP_PROJECT_SENTENCES,
  K8S_SENTENCES,
  REPO_SENTENCES,
} from "./cloud";
import { HOLDOUT_SENTENCES } from "./holdout";
import { DOMAIN_SENTENCES, HOST_SENTENCES, ORG_SENTENCES, USER_SENTENCES } from "./identity";
import { KEEP_ONLY_SENTENCES } from "./keep-only";
import { EMAIL_SENTENCES, IP_SENTENCES, MAC_SENTENCES, PHONE_SENTENCES } from "./network";
import type { LabelledSentence } from "./types";

export type { Label, LabelledSentence } from "./types";
export { KEEP_ONLY_SENTENCES } from "./keep-only";

export const CORPUS: readonly LabelledSentence[] = [
  ...USER_SENTENCES,
  ...DOMAIN_SENTENCES,
  ...HOST_SENTENCES,
  ...ORG_SENTENCES,
  ...EMAIL_SENTENCES,
  ...IP_SENTENCES,
  ...MAC_SENTENCES,
  ...PHONE_SENTENCES,
  ...AWS_ACCOUNT_SENTENCES,
  ...ARN_SENTENCES,
  ...BUCKET_SENTENCES,
  ...AZURE_ID_SENTENCES,
  ...CLOUD_USER_SENTENCES,
  ...GCP_PROJECT_SENTENCES,
  ...K8S_SENTENCES,
  ...REPO_SENTENCES,
  ...NATIONAL_ID_SENTENCES,
  ...ASSET_SENTENCES,
  ...HOLDOUT_SENTENCES,
  ...EMPLOYEE_SENTENCES,
  ...KEEP_ONLY_SENTENCES,
];
