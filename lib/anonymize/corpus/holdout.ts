// Sentences written after the recall rules of the second slice, to measure them on text they were not tuned on:
// domains, buckets, GCP projects, phones, Kubernetes names, asset tags, users and cloud user ids, phrased as
// incident write-ups phrase them. Fictional names (Adatum, Fourth Coffee, Proseware, Relecloud, Trey Research …),
// 555-01xx and Ofcom drama numbers.
import { labelled, type LabelledSentence } from "./types";

export const HOLDOUT_SENTENCES: LabelledSentence[] = [
  // DOMAIN
  labelled(
    "Rubeus was run with `asktgs /service:cifs/fs01 /domain:ADATUM /ptt` to reach the file share (T1550.003).",
    { DOMAIN: ["ADATUM"] },
    ["Rubeus", "T1550.003"],
  ),
  labelled(
    "Kerberoasting used `GetUserSPNs.py -request -d fourthcoffee -dc-ip 10.20.0.5` (T1558.003).",
    { DOMAIN: ["fourthcoffee"], IP: ["10.20.0.5"] },
    ["GetUserSPNs.py", "T1558.003"],
  ),
  labelled(
    "After the PROSEWARE domain was compromised, the actor added a trust to a domain they controlled (T1484.002).",
    { DOMAIN: ["PROSEWARE"] },
    ["T1484.002"],
  ),
  labelled(
    "PowerView's `Get-DomainComputer -Domain RELECLOUD -Unconstrained` listed two servers (T1018).",
    {
      DOMAIN: ["RELECLOUD"],
    },
    ["PowerView", "T1018"],
  ),
  labelled("A DCShadow attack registered a rogue DC in domain TREYRESEARCH (T1207).", { DOMAIN: ["TREYRESEARCH"] }, [
    "DCShadow",
    "T1207",
  ]),
  // BUCKET
  labelled(
    "The attacker listed objects in the bucket relecloud-invoices-eu before copying them out (T1619).",
    { BUCKET: ["relecloud-invoices-eu"] },
    ["T1619"],
  ),
  labelled(
    "Public read was granted on the S3 bucket adatum-static-assets.prod through a bucket policy change (T1530).",
    { BUCKET: ["adatum-static-assets.prod"] },
    ["S3", "T1530"],
  ),
  labelled(
    "A ransom note was uploaded to the GCS bucket proseware-ml-datasets after the objects were deleted (T1485).",
    { BUCKET: ["proseware-ml-datasets"] },
    ["GCS", "T1485"],
  ),
  // GCP-PROJECT
  labelled(
    "A service account in project lamna-payments-prod was granted roles/owner from an unknown IP (T1098.003).",
    { "GCP-PROJECT": ["lamna-payments-prod"] },
    ["roles/owner", "T1098.003"],
  ),
  labelled(
    "Audit logs for the GCP project trey-genomics-01 showed a firewall rule opening port 22 to the world (T1562.007).",
    { "GCP-PROJECT": ["trey-genomics-01"] },
    ["T1562.007"],
  ),
  labelled(
    "The stolen key was used with `gcloud projects get-iam-policy coho-winery-web` to map permissions (T1069.003).",
    { "GCP-PROJECT": ["coho-winery-web"] },
    ["T1069.003"],
  ),
  // PHONE
  labelled(
    "The vishing caller asked the help desk to reset MFA and left 713-555-0162 as a callback number (T1566.004).",
    { PHONE: ["713-555-0162"] },
    ["MFA", "T1566.004"],
  ),
  labelled(
    "The SIM swap moved the CFO's number (917) 555-0131 to an attacker-controlled phone (T1451).",
    {
      PHONE: ["(917) 555-0131"],
    },
    ["CFO", "T1451"],
  ),
  labelled(
    "Smishing texts came from +44 7700 900877 and linked to a fake payroll portal (T1660).",
    { PHONE: ["+44 7700 900877"] },
    ["T1660"],
  ),
  labelled("The out-of-office reply gave the deputy's mobile: 0161 496 0753, which the actor then called.", {
    PHONE: ["0161 496 0753"],
  }),
  // K8S
  labelled(
    "A cryptominer DaemonSet appeared in namespace adatum-analytics within minutes of the token theft (T1610).",
    { K8S: ["adatum-analytics"] },
    ["DaemonSet", "T1610"],
  ),
  labelled(
    "The attacker exec'd into pod billing-worker-2 and read the mounted service account token (T1528).",
    { K8S: ["billing-worker-2"] },
    ["T1528"],
  ),
  labelled(
    "`kubectl -n proseware-prod get secrets -o yaml` dumped every secret in the namespace (T1552.007).",
    { K8S: ["proseware-prod"] },
    ["kubectl", "T1552.007"],
  ),
  labelled("Audit logs tied the privileged container to pod relecloud-api-5c9d7b8f6-k2lmp in the payments cluster.", {
    K8S: ["relecloud-api-5c9d7b8f6-k2lmp"],
  }),
  // ASSET
  labelled("The compromised kiosk carried asset tag FC-KSK-0193 in the inventory system.", { ASSET: ["FC-KSK-0193"] }),
  labelled("Lenovo serial number PF2MXK7Q was on the laptop returned by the contractor.", { ASSET: ["PF2MXK7Q"] }, [
    "Lenovo",
  ]),
  labelled("Asset ID: LAM-SRV-2207 hosted the web shell (T1505.003).", { ASSET: ["LAM-SRV-2207"] }, ["T1505.003"]),
  // USER
  labelled(
    "Persistence was set up by a scheduled task running as user rnakamura on the jump host (T1053.005).",
    { USER: ["rnakamura"] },
    ["T1053.005"],
  ),
  labelled(
    "The attacker authenticated as svc_sqlreport to the reporting server over SMB (T1021.002).",
    { USER: ["svc_sqlreport"] },
    ["SMB", "T1021.002"],
  ),
  labelled(
    "`runas /user:TREY\\a.okafor cmd.exe` was typed at the console after the password spray (T1110.003).",
    { DOMAIN: ["TREY"], USER: ["a.okafor"] },
    ["cmd.exe", "T1110.003"],
  ),
  // CLOUD-USER
  labelled(
    "Okta system log entries for user 00u4k8Zq1xYb2Cd3Ef4G showed a new factor enrolled (T1556.006).",
    { "CLOUD-USER": ["00u4k8Zq1xYb2Cd3Ef4G"] },
    ["Okta", "T1556.006"],
  ),
  labelled(
    "The Entra sign-in log listed ObjectId 3f1c2b4a-9d8e-4f7a-b6c5-0e1d2c3b4a59 for the compromised guest.",
    { "CLOUD-USER": ["3f1c2b4a-9d8e-4f7a-b6c5-0e1d2c3b4a59"] },
    ["Entra"],
  ),
  labelled(
    "CloudTrail recorded the access key AKIA4EXAMPLEQ7RZ2M3N creating a new login profile (T1098.001).",
    { "CLOUD-USER": ["AKIA4EXAMPLEQ7RZ2M3N"] },
    ["CloudTrail", "T1098.001"],
  ),
  // Must stay: the same words with nothing to replace.
  labelled(
    "Pod security admission and namespace quotas were disabled before the bucket policy was rewritten (T1562).",
    {},
    ["T1562"],
  ),
  labelled(
    "The project plan, the asset tag inventory and the domain trust map were exfiltrated as one archive (T1560).",
    {},
    ["T1560"],
  ),
];
