// Kubernetes namespaces and pod names → K8S, in context only:
// - `--namespace prod` / `--namespace=prod` anywhere; `-n prod` after kubectl/helm/oc on the same line (elsewhere `-n` is
//   `ping -n 1`, `head -n 5`, `powershell -nop`);
// - `namespace/prod`, `ns/prod`, `pod/x`, `pods/x`, `namespaces/prod` (kubectl resource syntax, API paths), and
//   `namespace: prod` (manifests); in prose ("pod/container") only a name with a hyphen or digit;
// - the pod after `kubectl exec|logs|attach|cp|port-forward|debug|describe pod|delete pod` and its flags;
// - anywhere, a name of the Deployment pod shape `app-<hash>-<5>` (`payments-api-7d9f8b6c4-x2x9z`): both suffixes
//   from the alphabet Kubernetes generates them from, so words never match.
// Built-in and well-known tool namespaces (`kube-system`, `default`, `ingress-nginx`, …) are vocabulary: kept.
import type { Candidate } from "../types";
import { candidate, unique } from "./context";

const NAME = "[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?";
const NAMESPACE_FLAG = new RegExp(
  `(?<![A-Za-z0-9-])(?:--namespace(?:=|[^\\S\\n]+)|-n(?:=|[^\\S\\n]+))["']?(${NAME})(?![A-Za-z0-9_-])`,
  "g",
);
const RESOURCE = new RegExp(
  `(?<![A-Za-z0-9.-])(?:namespaces?|ns|pods?)/(${NAME})(?![A-Za-z0-9_-])|(?<![A-Za-z0-9])namespace:[^\\S\\n]*["']?(${NAME})(?![A-Za-z0-9_-])`,
  "g",
);
// Prose: "namespace northwind-batch", "pod tailspin-checkout-0", "in the namespace x": a name with a hyphen or a
// digit (as generated and chosen names have), since "pod security" or "namespace isolation" are words.
const PROSE = new RegExp(
  `(?<![A-Za-z0-9_/-])(?:[Nn]amespace|[Pp]od)[^\\S\\n]+["'\x60]?(${NAME})(?![A-Za-z0-9_\\\\/-]|\\.[A-Za-z0-9])`,
  "g",
);
const KUBE_COMMAND = /(?<![A-Za-z0-9-])(?:kubectl|helm|oc|kubens)(?![A-Za-z0-9-])/;
// Flags of exec/logs/cp that take a value in the next word; every other flag stands alone or carries `=value`.
const VALUE_FLAG = "(?:-[cnf]|--container|--namespace|--context|--kubeconfig|--tail|--since|--selector|-l)";
// The subcommand, then flags (`-it`, `-c app`, `--container=app`, `-n ns`), then the pod. Bounded repetition.
const POD_COMMAND = new RegExp(
  `(?<![A-Za-z0-9-])kubectl[^\\S\\n]+(?:exec|logs|attach|cp|port-forward|debug|(?:describe|delete|get)[^\\S\\n]+pods?)((?:[^\\S\\n]+(?:${VALUE_FLAG}(?:=|[^\\S\\n]+)[^\\s]+|--?[A-Za-z][A-Za-z-]*(?:=[^\\s]+)?)){0,6})[^\\S\\n]+(?:pods?/)?(${NAME})(?![A-Za-z0-9_-])`,
  "g",
);
// `-it`, `--stdin`, `--tty` take no value; `-c`, `-n`, `--container`, `--namespace` do.
const POD_SHAPE =
  /(?<![A-Za-z0-9.-])[a-z0-9](?:[a-z0-9-]{0,200}[a-z0-9])?-[bcdfghjklmnpqrstvwxz2456789]{6,10}-[bcdfghjklmnpqrstvwxz2456789]{5}(?![A-Za-z0-9_-])/g;

const KEPT = new Set([
  "default",
  "kube-system",
  "kube-public",
  "kube-node-lease",
  "ingress-nginx",
  "cert-manager",
  "argocd",
  "flux-system",
  "istio-system",
  "linkerd",
  "gatekeeper-system",
  "calico-system",
  "tigera-operator",
  "kubernetes-dashboard",
  "monitoring",
  "logging",
  "amazon-cloudwatch",
  "gmp-system",
  "azure-arc",
]);
const KEPT_PREFIXES = ["kube-", "openshift", "gke-", "istio-"];
// Placeholders people type in place of a real name.
const GENERIC = new Set(["pod", "pods", "name", "pod-name", "podname", "my-pod", "mypod", "namespace", "my-namespace"]);

// The command the flag or resource belongs to: at most 80 characters back on the same line (a paragraph of prose
// that mentions kubectl somewhere is not a command line).
function commandBefore(text: string, index: number): string {
  const lineStart = text.lastIndexOf("\n", index - 1) + 1;
  return text.slice(Math.max(lineStart, index - 80), index);
}

function isKept(name: string): boolean {
  return KEPT.has(name) || GENERIC.has(name) || KEPT_PREFIXES.some((p) => name.startsWith(p));
}

export function findK8s(text: string): Candidate[] {
  const found: Candidate[] = [];
  const add = (start: number, name: string) => {
    if (!isKept(name)) found.push(candidate("K8S", start, name));
  };
  for (const m of text.matchAll(NAMESPACE_FLAG)) {
    if (m[0].startsWith("-n") && !KUBE_COMMAND.test(commandBefore(text, m.index))) continue;
    add(m.index + m[0].length - m[1].length, m[1]);
  }
  for (const m of text.matchAll(RESOURCE)) {
    const name = m[1] ?? m[2];
    // In prose "pod/container" and "namespace/workload" are pairs of words: outside a kubectl command or an API path
    // (`/namespaces/x`) the name must look generated (a hyphen or a digit).
    const apiPath = m.index > 0 && text[m.index - 1] === "/";
    if (m[1] && !apiPath && !/[-\d]/.test(name) && !KUBE_COMMAND.test(commandBefore(text, m.index))) continue;
    add(m.index + m[0].length - name.length, name);
  }
  for (const m of text.matchAll(PROSE)) {
    // Versions and test names (`v1-alpha`, `e2e`) are not workloads.
    if (m[1].length >= 4 && /[-\d]/.test(m[1]) && /[a-z]/.test(m[1]) && !/^v\d/.test(m[1]))
      add(m.index + m[0].length - m[1].length, m[1]);
  }
  for (const m of text.matchAll(POD_COMMAND)) add(m.index + m[0].length - m[2].length, m[2]);
  for (const m of text.matchAll(POD_SHAPE)) {
    const suffix = m[0].split("-").slice(-2).join("");
    if (/\d/.test(suffix)) add(m.index, m[0]);
  }
  return unique(found);
}
