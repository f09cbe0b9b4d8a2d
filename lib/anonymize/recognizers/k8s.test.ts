import { describe, expect, it } from "vitest";
import { findK8s } from "./k8s";

const values = (text: string) => findK8s(text).map((c) => c.value);

describe("findK8s", () => {
  it.each([
    ["kubectl get secrets -n prod-payments", ["prod-payments"]],
    ["kubectl get pods --namespace=prod-payments", ["prod-payments"]],
    ["helm list --namespace prod-payments", ["prod-payments"]],
    ["kubectl delete namespace/prod-payments", ["prod-payments"]],
    ["kubectl logs pod/payments-api", ["payments-api"]],
    ["kubectl logs pod/ledger", ["ledger"]],
    ["then pod/ledger-0 was deleted", ["ledger-0"]],
    ["GET /api/v1/namespaces/prod-payments/pods/ledger-0", ["prod-payments", "ledger-0"]],
    ["metadata:\n  namespace: prod-payments", ["prod-payments"]],
    ["kubectl exec -it payments-api-7d9f8b6c4-x2x9z -- /bin/sh", ["payments-api-7d9f8b6c4-x2x9z"]],
    ["kubectl exec -it -c app ledger-0 -- sh", ["ledger-0"]],
    ["the pod payments-api-7d9f8b6c4-x2x9z restarted", ["payments-api-7d9f8b6c4-x2x9z"]],
  ])("redacts %s", (text, expected) => {
    expect(values(text)).toEqual(expected);
  });

  it.each([
    "kubectl get pods -n kube-system",
    "kubectl get cm --namespace=default; kubectl -n ingress-nginx get svc; -n kube-public",
    "ping -n 1 10.0.0.1 and head -n 5 and powershell -nop -w hidden",
    "cmd /c ping -n 3 127.0.0.1 > nul",
    "kubectl exec -it <pod> -- sh and kubectl exec -it $POD -- sh",
    "a deployment-controller-scheduler and well-known-names-here",
    "AES-256-GCM and ChaCha20-Poly1305 and x86-64",
    "escalate from basic pod/container interaction; atypical for the namespace/workload",
    "Adversaries may run kubectl to list secrets, and later, after a long paragraph that goes on and on, escalate from pod/container access",
  ])("keeps %s", (text) => {
    expect(values(text)).toEqual([]);
  });
});

describe("findK8s in prose", () => {
  it.each([
    ["the miner ran in namespace globex-batch on the GPU pool", ["globex-batch"]],
    ["Falco flagged a shell in pod checkout-api-0 of namespace shop2", ["checkout-api-0", "shop2"]],
    ["The namespace hooli-ci had a cluster-admin binding", ["hooli-ci"]],
    ["Peirates ran from Pod runner-7x2kq", ["runner-7x2kq"]],
  ])("takes the name after 'namespace'/'pod' in %s", (text, names) => {
    expect(values(text)).toEqual(names);
  });

  it.each([
    "The pod security policy allowed hostPath mounts (T1611).",
    "namespace isolation was missing; the pod was privileged",
    "a pod in namespace kube-system and namespace default",
    "the WMI namespace root\\cimv2 was queried",
    "pod-to-pod traffic and the namespace-wide role",
    "the pod v1-alpha schema and pod e2e tests in namespace v1",
  ])("keeps %s", (text) => {
    expect(values(text)).toEqual([]);
  });
});
