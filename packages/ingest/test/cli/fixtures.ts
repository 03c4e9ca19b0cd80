/** A small log in both formats: the same eight records (times in UTC, 2024-03-07). */
export const TEXT_LOG = [
  'I0307 09:00:00.000001       7 server.go:10] "Service listening" address="127.0.0.1:8080"',
  'I0307 09:10:00.000002       7 pods.go:40] "Pod created" pod="kube-system/coredns" node="node-1"',
  'I0307 09:20:00.000003       7 pods.go:40] "Pod created" pod="default/web-0" node="node-2"',
  'W0307 09:30:00.000004       7 pods.go:55] disk 93% full',
  'E0307 09:40:00.000005       7 pods.go:61] "Failed to create pod" err="pod already exists" pod="kube-system/coredns"',
  'I0307 09:50:00.000006       7 pods.go:70] "Pods listed" namespace="kube-system" count=1 pods=["kube-system/coredns"]',
  'E0307 09:55:00.000007       7 pods.go:80] "Sync failed" err=<',
  '\tdial tcp 10.0.0.1:443: connect: connection refused',
  '\tretrying',
  ' > pod="default/web-0"',
  'I0307 09:59:00.000008       7 pods.go:90] "Pod deleted" logger="api" pod="default/web-0"',
].join('\n') + '\n';

export const JSON_LOG = [
  '{"ts":1709802000000.001,"caller":"app/server.go:10","msg":"Service listening","v":0,"address":"127.0.0.1:8080"}',
  '{"ts":1709802600000.002,"caller":"app/pods.go:40","msg":"Pod created","v":2,"pod":{"name":"coredns","namespace":"kube-system"},"node":{"name":"node-1"}}',
  '{"ts":1709803200000.003,"caller":"app/pods.go:40","msg":"Pod created","v":2,"pod":{"name":"web-0","namespace":"default"},"node":{"name":"node-2"}}',
  '{"ts":1709803800000.004,"caller":"app/pods.go:55","msg":"disk 93% full","v":0}',
  '{"ts":1709804400000.005,"caller":"app/pods.go:61","msg":"Failed to create pod","pod":{"name":"coredns","namespace":"kube-system"},"err":"pod already exists"}',
  '{"ts":1709805000000.006,"caller":"app/pods.go:70","msg":"Pods listed","v":3,"namespace":"kube-system","count":1,"pods":[{"name":"coredns","namespace":"kube-system"}]}',
  '{"ts":1709805300000.007,"caller":"app/pods.go:80","msg":"Sync failed","pod":{"name":"web-0","namespace":"default"},"err":"dial tcp 10.0.0.1:443: connect: connection refused\\nretrying"}',
  '{"ts":1709805540000.008,"logger":"api","caller":"app/pods.go:90","msg":"Pod deleted","v":1,"pod":{"name":"web-0","namespace":"default"}}',
].join('\n') + '\n';
