// Sentences with nothing to replace: ATT&CK ids, tools and malware, Windows built-ins and well-known accounts,
// defanged IOCs, hashes, CVEs, versions. Each must come back from scrub() unchanged, character for character.
import { keepOnly, type LabelledSentence } from "./types";

export const KEEP_ONLY_SENTENCES: LabelledSentence[] = [
  keepOnly("The actor ran `vssadmin.exe delete shadows /all /quiet` to inhibit recovery (T1490).", [
    "vssadmin.exe",
    "T1490",
  ]),
  keepOnly(
    String.raw`Persistence was set under HKLM\Software\Microsoft\Windows\CurrentVersion\Run with a value named Updater.`,
    [String.raw`HKLM\Software\Microsoft\Windows\CurrentVersion\Run`],
  ),
  keepOnly("Mimikatz `sekurlsa::logonpasswords` dumped credentials from LSASS memory (T1003.001).", [
    "Mimikatz",
    "sekurlsa::logonpasswords",
    "T1003.001",
  ]),
  keepOnly(
    String.raw`The dropper copied itself to %APPDATA%\Microsoft\Windows\Start Menu\Programs\Startup (T1547.001).`,
    ["%APPDATA%", "T1547.001"],
  ),
  keepOnly("C2 traffic went to evil[.]com over HTTPS with a Cobalt Strike malleable profile (T1071.001).", [
    "evil[.]com",
    "Cobalt Strike",
  ]),
  keepOnly("The payload was downloaded from hxxp://update-check[.]net/stage2.bin (T1105).", [
    "hxxp://update-check[.]net/stage2.bin",
  ]),
  keepOnly("Exploitation of CVE-2021-44228 (Log4Shell) in VMware Horizon gave initial access (T1190).", [
    "CVE-2021-44228",
    "Log4Shell",
    "VMware Horizon",
  ]),
  keepOnly("The sample's SHA256 was e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855.", [
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
  ]),
  keepOnly(
    String.raw`Task Scheduler ran ` +
      "`schtasks /create /sc minute /mo 5 /tn Updater /tr C:\\ProgramData\\upd.exe` (T1053.005).",
    ["schtasks /create", "C:\\ProgramData\\upd.exe"],
  ),
  keepOnly("The actor used AdFind, BloodHound and SharpHound to map the domain (T1087.002, T1482).", [
    "AdFind",
    "BloodHound",
    "SharpHound",
  ]),
  keepOnly(String.raw`The service ran as NT AUTHORITY\SYSTEM after PsExec installed PSEXESVC.`, [
    String.raw`NT AUTHORITY\SYSTEM`,
    "PSEXESVC",
  ]),
  keepOnly(
    String.raw`Members of BUILTIN\Administrators were listed with ` + "`net localgroup administrators` (T1069.001).",
    [String.raw`BUILTIN\Administrators`, "`net localgroup administrators`"],
  ),
  keepOnly("rundll32.exe loaded comsvcs.dll with MiniDump to dump lsass.exe memory (T1003.001).", [
    "rundll32.exe",
    "comsvcs.dll",
    "lsass.exe",
  ]),
  keepOnly("The ransomware was LockBit 3.0, also called LockBit Black, built with builder version 3.0.2.", [
    "LockBit 3.0",
    "version 3.0.2",
  ]),
  keepOnly("An MD5 of 44d88612fea8a8f36de82e1278abb02f matched the EICAR test file.", [
    "44d88612fea8a8f36de82e1278abb02f",
  ]),
  keepOnly("`wmic shadowcopy delete` was executed through `cmd.exe /c` (T1047).", [
    "wmic shadowcopy delete",
    "cmd.exe /c",
  ]),
  keepOnly("The implant used `certutil.exe -urlcache -split -f` to fetch payloads (T1105).", [
    "certutil.exe -urlcache -split -f",
  ]),
  keepOnly("Defender was disabled with `Set-MpPreference -DisableRealtimeMonitoring $true` (T1562.001).", [
    "Set-MpPreference",
  ]),
  keepOnly("The actor used Rclone 1.62.2 to exfiltrate archives to MEGA (T1567.002).", ["Rclone 1.62.2", "MEGA"]),
  keepOnly("AnyDesk and ScreenConnect were installed for remote access (T1219).", ["AnyDesk", "ScreenConnect"]),
  keepOnly("PowerShell was started with `-nop -w hidden -enc` to launch a base64 stager (T1059.001).", [
    "-nop -w hidden -enc",
    "T1059.001",
  ]),
  keepOnly(
    String.raw`Credentials were read from C:\Windows\System32\config\SAM after ` + "`reg save HKLM\\SAM sam.save`.",
    [String.raw`C:\Windows\System32\config\SAM`, "sam.save"],
  ),
  keepOnly("Kerberoasting with Rubeus requested RC4-encrypted service tickets (T1558.003).", ["Rubeus", "RC4"]),
  keepOnly("The actor abused CVE-2023-34362 in MOVEit Transfer to deploy the LEMURLOOT web shell.", [
    "CVE-2023-34362",
    "LEMURLOOT",
  ]),
  keepOnly("The loader side-loaded version.dll next to a signed binary (T1574.002).", ["version.dll", "T1574.002"]),
  keepOnly("Logs were cleared with `wevtutil cl Security` and `wevtutil cl System` (T1070.001).", [
    "wevtutil cl Security",
    "wevtutil cl System",
  ]),
  keepOnly("Impacket's secretsdump.py extracted NTDS.dit hashes over DRSUAPI (T1003.006).", [
    "secretsdump.py",
    "NTDS.dit",
  ]),
  keepOnly(String.raw`The beacon slept 60 seconds with 20% jitter and used the named pipe \\.\pipe\msagent_12.`, [
    String.raw`\\.\pipe\msagent_12`,
  ]),
  keepOnly(
    String.raw`Chrome's Login Data file was copied from %LOCALAPPDATA%\Google\Chrome\User Data\Default (T1555.003).`,
    ["%LOCALAPPDATA%", "Login Data"],
  ),
  keepOnly('Discovery used `nltest /dclist:` and `net group "Domain Controllers" /domain` (T1018).', [
    "nltest /dclist:",
    '"Domain Controllers"',
  ]),
  keepOnly("Sliver implants communicated over mTLS on port 8888 (T1573.002).", ["Sliver", "mTLS"]),
  keepOnly("A LaunchDaemon under /Library/LaunchDaemons/ kept the backdoor running (T1543.004).", [
    "/Library/LaunchDaemons/",
  ]),
  keepOnly(String.raw`The dropper checked for the mutex Global\MsWinZonesCacheCounterMutexA before running.`, [
    String.raw`Global\MsWinZonesCacheCounterMutexA`,
  ]),
  keepOnly("Emotet delivered QakBot, which later dropped Cobalt Strike (S0154).", ["Emotet", "QakBot", "S0154"]),
  keepOnly("Archives were split with 7-Zip using `7z a -v100m -pinfected` before exfiltration (T1560.001).", [
    "7-Zip",
    "7z a -v100m -pinfected",
  ]),
  keepOnly("The actor exploited ProxyShell (CVE-2021-34473, CVE-2021-34523, CVE-2021-31207).", [
    "CVE-2021-34473",
    "CVE-2021-31207",
  ]),
  keepOnly("The vendor report listed 203.0.113[.]9 and hxxps://cdn-static[.]org as C2.", [
    "203.0.113[.]9",
    "hxxps://cdn-static[.]org",
  ]),
  keepOnly(String.raw`A Defender exclusion was added for C:\Windows\Temp with Add-MpPreference -ExclusionPath.`, [
    String.raw`C:\Windows\Temp`,
    "Add-MpPreference -ExclusionPath",
  ]),
  keepOnly("Pass-the-hash used the NTLM hash of the local Administrator account (T1550.002).", [
    "Administrator",
    "T1550.002",
  ]),
  keepOnly(
    String.raw`The malware queried HKLM\SYSTEM\CurrentControlSet\Services\Tcpip\Parameters for network settings.`,
    [String.raw`HKLM\SYSTEM\CurrentControlSet\Services\Tcpip\Parameters`],
  ),
  keepOnly("BITSAdmin downloaded the payload with `bitsadmin /transfer job /download /priority high` (T1197).", [
    "bitsadmin /transfer",
  ]),
  keepOnly("Screenshots were taken every 30 seconds and saved as JPEG files in %TEMP% (T1113).", ["%TEMP%", "T1113"]),
  keepOnly("Living-off-the-land binaries such as mshta.exe and regsvr32.exe proxied execution (T1218).", [
    "mshta.exe",
    "regsvr32.exe",
  ]),
  keepOnly("The SHA1 da39a3ee5e6b4b0d3255bfef95601890afd80709 was reported for the empty dropper.", [
    "da39a3ee5e6b4b0d3255bfef95601890afd80709",
  ]),
  keepOnly("`aws sts get-caller-identity` and `aws iam list-users` were the first cloud commands (T1087.004).", [
    "aws iam list-users",
  ]),
  keepOnly("Sysmon event ID 10 showed access to lsass.exe with GrantedAccess 0x1010.", ["GrantedAccess 0x1010"]),
  keepOnly("Version 2.4.1 of the implant added a Telegram-based C2 channel (T1102.002).", [
    "Version 2.4.1",
    "Telegram",
  ]),
  keepOnly("The actor added a local account with `net user /add` and hid it from the logon screen (T1564.002).", [
    "net user /add",
  ]),
  keepOnly("Mimikatz was renamed to m.exe and run from C:\\PerfLogs to evade detection (T1036.005).", [
    "m.exe",
    "C:\\PerfLogs",
  ]),
  keepOnly('The Conti playbook recommends `ntdsutil "ac i ntds" ifm "create full c:\\temp" q q` (T1003.003).', [
    "ntdsutil",
  ]),
];
