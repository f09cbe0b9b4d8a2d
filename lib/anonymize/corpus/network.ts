// Network and contact classes: e-mail addresses and UPNs, IPv4/IPv6 addresses and CIDRs, MAC addresses, phone
// numbers. Addresses come from the documentation ranges (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32)
// or private ranges; phone numbers from the fictional 555-01xx and Ofcom drama ranges.
import { labelled, type LabelledSentence } from "./types";

export const EMAIL_SENTENCES: LabelledSentence[] = [
  labelled(
    "The phishing mail was sent to j.doe@contoso.com with an ISO attachment (T1566.001).",
    { EMAIL: ["j.doe@contoso.com"] },
    ["ISO", "T1566.001"],
  ),
  labelled("Password reset requests for m.schmidt@fabrikam.de were triggered from the help desk portal.", {
    EMAIL: ["m.schmidt@fabrikam.de"],
  }),
  labelled(
    "OAuth consent was granted by finance.lead@northwindtraders.com to a malicious application (T1528).",
    { EMAIL: ["finance.lead@northwindtraders.com"] },
    ["OAuth", "T1528"],
  ),
  labelled(
    "The UPN svc-sync@corp.woodgrove.local was added to the Global Administrators role (T1098.003).",
    { EMAIL: ["svc-sync@corp.woodgrove.local"] },
    ["Global Administrators", "T1098.003"],
  ),
  labelled(
    "Inbox rules forwarded copies of mail from ceo@tailspintoys.com to an external mailbox (T1114.003).",
    { EMAIL: ["ceo@tailspintoys.com"] },
    ["T1114.003"],
  ),
  labelled(
    "Login attempts for a.kumar@litwareinc.com came from Tor exit nodes.",
    { EMAIL: ["a.kumar@litwareinc.com"] },
    ["Tor"],
  ),
  labelled(
    "The actor registered a new MFA device for helpdesk@adventure-works.com (T1556.006).",
    { EMAIL: ["helpdesk@adventure-works.com"] },
    ["MFA", "T1556.006"],
  ),
  labelled(
    "A BEC lure asked accounts.payable@wingtiptoys.com to change the supplier's bank details.",
    { EMAIL: ["accounts.payable@wingtiptoys.com"] },
    ["BEC"],
  ),
  labelled(
    "`Add-MailboxPermission -Identity it-support@example.com -AccessRights FullAccess` gave the actor access.",
    { EMAIL: ["it-support@example.com"] },
    ["Add-MailboxPermission -Identity", "-AccessRights FullAccess`"],
  ),
];

export const IP_SENTENCES: LabelledSentence[] = [
  labelled("Exfiltration to 203.0.113.77 used rclone over port 443 (T1048).", { IP: ["203.0.113.77"] }, [
    "rclone",
    "port 443",
    "T1048",
  ]),
  labelled(
    "The implant beaconed to 2001:db8:85a3::8a2e:370:7334 every 60 seconds.",
    { IP: ["2001:db8:85a3::8a2e:370:7334"] },
    ["every 60 seconds"],
  ),
  labelled(
    "Scanning of 10.20.0.0/16 with Advanced IP Scanner preceded the ransomware deployment (T1046).",
    { IP: ["10.20.0.0/16"] },
    ["Advanced IP Scanner", "T1046"],
  ),
  labelled(
    "RDP was exposed on 192.0.2.45 and brute-forced from 198.51.100.200 (T1110.001).",
    { IP: ["192.0.2.45", "198.51.100.200"] },
    ["RDP", "T1110.001"],
  ),
  labelled(
    "The firewall log showed 172.16.40.12 pulling mimikatz.exe from the file server.",
    { IP: ["172.16.40.12"] },
    ["mimikatz.exe"],
  ),
  labelled(
    "DNS tunnelling traffic left the resolver at 2001:db8:10::53 toward long TXT queries (T1071.004).",
    { IP: ["2001:db8:10::53"] },
    ["TXT", "T1071.004"],
  ),
  labelled(
    "Proxy logs listed 192.168.1.25 as the source of the PowerShell download cradle (T1059.001).",
    { IP: ["192.168.1.25"] },
    ["PowerShell", "T1059.001"],
  ),
  labelled("The subnet 2001:db8:abcd:12::/64 hosted the compromised build agents.", { IP: ["2001:db8:abcd:12::/64"] }),
  labelled("Chisel tunnelled RDP to 10.0.5.17:3389 from the DMZ (T1572).", { IP: ["10.0.5.17"] }, [
    "Chisel",
    ":3389",
    "T1572",
  ]),
  labelled(
    "The relay listened on fe80::1c2b:3aff:fe4d:5e6f while Responder poisoned LLMNR (T1557.001).",
    { IP: ["fe80::1c2b:3aff:fe4d:5e6f"] },
    ["Responder", "LLMNR", "T1557.001"],
  ),
];

export const MAC_SENTENCES: LabelledSentence[] = [
  labelled("DHCP logs tied 00:1A:2B:3C:4D:5E to the infected laptop.", { MAC: ["00:1A:2B:3C:4D:5E"] }, ["DHCP"]),
  labelled(
    "The implant read the MAC address 3c-22-fb-91-0a-7e to derive its mutex name (T1016).",
    { MAC: ["3c-22-fb-91-0a-7e"] },
    ["T1016"],
  ),
  labelled(
    "ARP spoofing claimed gateway 10.1.1.1 with MAC 00:50:56:9a:7b:01 (T1557.002).",
    { IP: ["10.1.1.1"], MAC: ["00:50:56:9a:7b:01"] },
    ["ARP", "T1557.002"],
  ),
  labelled(
    "The device with hardware address A4:83:E7:12:34:56 joined the guest Wi-Fi.",
    { MAC: ["A4:83:E7:12:34:56"] },
    ["Wi-Fi"],
  ),
  labelled("Cisco notation 0050.56b2.4c1d appeared in the switch CAM table.", { MAC: ["0050.56b2.4c1d"] }, ["CAM"]),
  labelled(
    "Wake-on-LAN packets were sent to 08-00-27-5E-AB-CD before the payload ran.",
    { MAC: ["08-00-27-5E-AB-CD"] },
    ["Wake-on-LAN"],
  ),
  labelled("The NAC recorded f0:18:98:aa:bb:cc for the rogue Raspberry Pi (T1200).", { MAC: ["f0:18:98:aa:bb:cc"] }, [
    "Raspberry Pi",
    "T1200",
  ]),
  labelled("EDR telemetry identified the host by MAC 02:42:ac:11:00:02.", { MAC: ["02:42:ac:11:00:02"] }, ["EDR"]),
];

export const PHONE_SENTENCES: LabelledSentence[] = [
  labelled(
    "The vishing caller used +1 202-555-0143 while impersonating IT support (T1566.004).",
    { PHONE: ["+1 202-555-0143"] },
    ["T1566.004"],
  ),
  labelled("MFA fatigue ended when the user called back on (415) 555-0198.", { PHONE: ["(415) 555-0198"] }, ["MFA"]),
  labelled(
    "The SIM swap moved +1-312-555-0127 to an attacker-controlled device (T1451).",
    { PHONE: ["+1-312-555-0127"] },
    ["SIM"],
  ),
  labelled(
    "The help desk reset MFA after a call from +44 20 7946 0958 claiming to be the CFO.",
    { PHONE: ["+44 20 7946 0958"] },
    ["MFA", "CFO"],
  ),
  labelled("The voicemail of the victim at +1 (206) 555-0172 was used to intercept the one-time code.", {
    PHONE: ["+1 (206) 555-0172"],
  }),
  labelled("The victim's direct line 646-555-0114 was listed in the leaked org chart.", { PHONE: ["646-555-0114"] }),
  labelled("Call records showed the actor dialling +44 7700 900123 during the intrusion.", {
    PHONE: ["+44 7700 900123"],
  }),
  labelled("The pretexting script quoted the manager's mobile, 020 7946 0321.", { PHONE: ["020 7946 0321"] }),
  labelled(
    "Smishing texts to +1 503 555 0147 linked to a fake Okta sign-in page (T1660).",
    { PHONE: ["+1 503 555 0147"] },
    ["Okta", "T1660"],
  ),
];
