// Azure and identity-provider ids. A GUID alone is kept: COM CLSIDs, ATT&CK object ids and well-known first-party
// application ids are technique vocabulary. A GUID after a tenant/subscription/directory word or in a tenant or
// subscription path → AZURE-ID; after an Entra object/principal/user id word → CLOUD-USER. Application (client)
// ids are not taken: the ones in write-ups are mostly Microsoft's public first-party apps.
// Resource group names (`/resourceGroups/rg-prod`, `--resource-group rg-prod`) → AZURE-ID as well.
// Okta user ids (`00u` + 17 characters) have a distinctive shape and are taken anywhere → CLOUD-USER.
import type { Candidate } from "../types";
import { before, candidate } from "./context";

const GUID =
  /(?<![0-9A-Za-z-])[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}(?![0-9A-Za-z-])/g;
// Keyword, optional "id", then separators, quotes or braces: `tenant 1f…`, `TenantId: "1f…"`, `--tenant=`,
// `-SubscriptionId {1f…}`, `directory (tenant) ID: 1f…`.
const TENANT_CONTEXT =
  /(?:tenant|directory|subscription)(?:[\s_-]?(?:\(tenant\)\s*)?id)?["']?\s*(?:[:=]|is)?\s*["'{]?$/i;
const TENANT_PATH =
  /(?:\/subscriptions\/|\/tenants\/|login\.microsoftonline\.(?:com|us)\/|login\.windows\.net\/|sts\.windows\.net\/|login\.partner\.microsoftonline\.cn\/)$/i;
const USER_CONTEXT =
  /(?:object|principal|user|member|owner)[\s_-]?id["']?\s*(?:[:=]|is)?\s*["'{]?$|\b(?:oid|sub)["']?\s*[:=]\s*["']?$|\/users\/$/i;
// Resource group names name the customer's systems (`rg-acme-payments-prod`): in resource ids and after
// `--resource-group`/`-ResourceGroupName`. Ids are 1–90 characters of letters, digits, `_ . ( ) -`.
const RESOURCE_GROUP =
  /(?:\/resourceGroups\/|(?<![A-Za-z0-9-])(?:--resource-group|-ResourceGroupName)(?:=|[^\S\n]{1,3})["']?)([A-Za-z0-9_.()-]{1,90})/gi;
// The names Microsoft's documentation uses in examples.
const DOC_RESOURCE_GROUP = /^(?:my|your|the|example|sample|test)?[-_]?(?:resource[-_]?group(?:[-_]?name)?|rg)$/i;
const OKTA_USER = /(?<![0-9A-Za-z])00u[0-9A-Za-z]{17}(?![0-9A-Za-z])/g;
// After "Okta" or an Okta field name (`userId`, `actor.id`), a `00u` id copied a character short or long still names
// the user: 14–18 characters after the prefix.
const OKTA_NEAR = /(?<![0-9A-Za-z])00u[0-9A-Za-z]{14,18}(?![0-9A-Za-z])/g;
const OKTA_CONTEXT = /(?:okta|user_?id|actor\.id|target\.id)[^\n]{0,30}$/i;

export function findAzureIds(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of text.matchAll(GUID)) {
    const context = before(text, m.index);
    const key = m[0].toLowerCase();
    if (TENANT_CONTEXT.test(context) || TENANT_PATH.test(context))
      found.push(candidate("AZURE-ID", m.index, m[0], key));
    else if (USER_CONTEXT.test(context)) found.push(candidate("CLOUD-USER", m.index, m[0], key));
  }
  for (const m of text.matchAll(RESOURCE_GROUP)) {
    const name = m[1].replace(/\.+$/, "");
    if (!/^[A-Za-z0-9_]/.test(name) || DOC_RESOURCE_GROUP.test(name)) continue;
    found.push(candidate("AZURE-ID", m.index + m[0].length - m[1].length, name, `rg:${name.toLowerCase()}`));
  }
  for (const m of text.matchAll(OKTA_NEAR)) {
    if (m[0].length === 20 || !/\d/.test(m[0].slice(3)) || !/[A-Za-z]/.test(m[0].slice(3))) continue;
    if (OKTA_CONTEXT.test(before(text, m.index))) found.push(candidate("CLOUD-USER", m.index, m[0], m[0]));
  }
  for (const m of text.matchAll(OKTA_USER)) {
    // Mixed letters and digits after the prefix; `00u` and seventeen letters is a word, not an id.
    if (/\d/.test(m[0].slice(3)) && /[A-Za-z]/.test(m[0].slice(3)))
      found.push(candidate("CLOUD-USER", m.index, m[0], m[0]));
  }
  return found;
}
