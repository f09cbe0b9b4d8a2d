// Personnel and inventory classes: US SSNs and UK National Insurance numbers, asset tags and employee numbers in
// context. All values are made up; 078-05-1120 is the famous specimen SSN printed on wallet inserts in 1938.
import { labelled, type LabelledSentence } from "./types";

export const NATIONAL_ID_SENTENCES: LabelledSentence[] = [
  labelled(
    "The exfiltrated HR spreadsheet contained SSN 412-55-0193 for the payroll manager.",
    { "NATIONAL-ID": ["412-55-0193"] },
    ["HR"],
  ),
  labelled(
    "A W-2 phishing reply leaked the social security number 231-76-4410 (T1566.002).",
    { "NATIONAL-ID": ["231-76-4410"] },
    ["W-2", "T1566.002"],
  ),
  labelled(
    "Payroll records with NINO AB 12 34 56 C were staged in a RAR archive (T1560.001).",
    { "NATIONAL-ID": ["AB 12 34 56 C"] },
    ["RAR", "T1560.001"],
  ),
  labelled(
    "The caller used SSN 078-05-1120 to pass the help desk identity check (T1656).",
    { "NATIONAL-ID": ["078-05-1120"] },
    ["T1656"],
  ),
  labelled("National Insurance number JG103759A appeared in the exfiltrated CSV.", { "NATIONAL-ID": ["JG103759A"] }, [
    "CSV",
  ]),
  labelled("Benefits data including SSN: 321-54-9876 was posted on the leak site.", { "NATIONAL-ID": ["321-54-9876"] }),
  labelled("The pretext call quoted the employee's SSN 509-21-3344 to the service desk.", {
    "NATIONAL-ID": ["509-21-3344"],
  }),
  labelled(
    "UK staff records (NINO: CE 38 42 19 D) were copied with robocopy (T1039).",
    { "NATIONAL-ID": ["CE 38 42 19 D"] },
    ["robocopy", "T1039"],
  ),
  labelled("The tax form listed social security no. 145-38-2290 next to the employee's address.", {
    "NATIONAL-ID": ["145-38-2290"],
  }),
];

export const ASSET_SENTENCES: LabelledSentence[] = [
  labelled("The stolen laptop, asset tag CT-LT-004512, still had a cached VPN profile.", { ASSET: ["CT-LT-004512"] }, [
    "VPN",
  ]),
  labelled("Asset IT-AS-20931 was the first machine to run the dropper (T1204.002).", { ASSET: ["IT-AS-20931"] }, [
    "T1204.002",
  ]),
  labelled("The inventory entry asset #FAB-88213 matched the beaconing device.", { ASSET: ["FAB-88213"] }),
  labelled("Dell service tag 7XK9Q23 identified the reimaged workstation.", { ASSET: ["7XK9Q23"] }, ["Dell"]),
  labelled("The CMDB record for asset tag NW-SRV-0077 listed it as a domain controller.", { ASSET: ["NW-SRV-0077"] }, [
    "CMDB",
  ]),
  labelled("Asset number 000482913 was quarantined by the SOC after the alert.", { ASSET: ["000482913"] }, ["SOC"]),
  labelled(
    "Asset ID WG-MBP-1187 had been enrolled in Intune a week before the compromise.",
    { ASSET: ["WG-MBP-1187"] },
    ["Intune"],
  ),
  labelled(
    "The ticket referenced asset tag TT-DSK-3321, which ran EDR sensor version 7.11.2.",
    { ASSET: ["TT-DSK-3321"] },
    ["EDR", "version 7.11.2"],
  ),
];

export const EMPLOYEE_SENTENCES: LabelledSentence[] = [
  labelled("HR confirmed that employee ID E104522 owned the compromised account.", { EMPLOYEE: ["E104522"] }, ["HR"]),
  labelled(
    "The badge of employee number 00731984 was cloned to enter the server room (T1200).",
    { EMPLOYEE: ["00731984"] },
    ["T1200"],
  ),
  labelled("The phishing pretext cited employee #47291 as the requester.", { EMPLOYEE: ["47291"] }),
  labelled("The insider, staff number S-558120, copied files to a USB drive (T1052.001).", { EMPLOYEE: ["S-558120"] }, [
    "USB",
    "T1052.001",
  ]),
  labelled("The payroll export listed employee ID 1004417 next to the attacker-added bank account.", {
    EMPLOYEE: ["1004417"],
  }),
  labelled("Personnel number P0098812 was used as the initial password (T1078).", { EMPLOYEE: ["P0098812"] }, [
    "T1078",
  ]),
  labelled("Employee no. 558231 requested the VPN token that the actor later abused.", { EMPLOYEE: ["558231"] }, [
    "VPN",
  ]),
  labelled("A ticket from employee ID CT-00923 asked for an MFA reset (T1656).", { EMPLOYEE: ["CT-00923"] }, [
    "MFA",
    "T1656",
  ]),
];
