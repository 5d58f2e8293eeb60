/**
 * What real ECS says back that moto does not: a `Rewrite` for the fault proxy (fault-proxy.ts) in
 * front of moto. moto keeps only some CreateService / UpdateService members; real ECS reports
 * every member it was given, fills the documented defaults, names the service-linked role, and
 * spells binpack fields in capitals. The proxy remembers each service's members and adds them
 * to every answer that carries the service, the way DescribeServices would.
 */
import type { Rewrite } from './fault-proxy';

type Json = Record<string, any>;

const ACCOUNT = '123456789012';
const SERVICE_LINKED_ROLE = `arn:aws:iam::${ACCOUNT}:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS`;

/** Members of CreateService / UpdateService that moto drops and ECS reports under the same name. */
const ECHOED = [
  'placementStrategy', 'placementConstraints', 'deploymentConfiguration', 'capacityProviderStrategy', 'healthCheckGracePeriodSeconds',
  'enableECSManagedTags', 'enableExecuteCommand', 'availabilityZoneRebalancing', 'propagateTags', 'platformVersion',
];

function withDefaults(sent: Json): Json {
  const daemon = sent.schedulingStrategy === 'DAEMON';
  const out: Json = {
    healthCheckGracePeriodSeconds: 0,
    enableECSManagedTags: false,
    enableExecuteCommand: false,
    availabilityZoneRebalancing: 'ENABLED',
    propagateTags: 'NONE',
    roleArn: SERVICE_LINKED_ROLE,
    ...Object.fromEntries(ECHOED.filter((k) => sent[k] !== undefined).map((k) => [k, sent[k]])),
  };
  out.deploymentConfiguration = {
    maximumPercent: daemon ? 100 : 200,
    minimumHealthyPercent: daemon ? 0 : 100,
    deploymentCircuitBreaker: { enable: false, rollback: false },
    ...(sent.deploymentConfiguration ?? {}),
  };
  if (typeof sent.role === 'string') out.roleArn = sent.role.startsWith('arn:') ? sent.role : `arn:aws:iam::${ACCOUNT}:role/${sent.role}`;
  if (!sent.launchType && !sent.capacityProviderStrategy?.length) out.launchType = 'EC2';
  if ((sent.launchType === 'FARGATE' || out.capacityProviderStrategy) && !sent.platformVersion) out.platformVersion = 'LATEST';
  if (Array.isArray(out.placementStrategy)) {
    out.placementStrategy = out.placementStrategy.map((p: Json) => (p.type === 'binpack' && typeof p.field === 'string' ? { ...p, field: p.field.toUpperCase() } : p));
  }
  if (Array.isArray(out.capacityProviderStrategy) && out.capacityProviderStrategy.length === 0) delete out.capacityProviderStrategy;
  return out;
}

/** A rewrite that makes moto's service answers look like real ECS's. */
export function realEcsEcho(): Rewrite {
  const sent = new Map<string, Json>(); // service name -> members given so far
  const remember = (name: string, request: Json) => {
    const prior = sent.get(name) ?? {};
    const given = Object.fromEntries(Object.entries(request).filter(([k, v]) => v !== undefined && k !== 'service' && k !== 'cluster'));
    sent.set(name, { ...prior, ...given });
  };
  const echo = (service: Json | undefined) => {
    if (!service?.serviceName || !sent.has(service.serviceName)) return service;
    const out = { ...service, ...withDefaults(sent.get(service.serviceName)!) };
    // A service on a capacity provider strategy reports no launch type (moto reports EC2).
    if (out.capacityProviderStrategy?.length) delete out.launchType;
    return out;
  };
  return (op, request, answer) => {
    if (op === 'CreateService') remember(request.serviceName, request);
    if (op === 'UpdateService') remember(String(request.service).split('/').pop()!, request);
    if (answer.service) return { ...answer, service: echo(answer.service) };
    if (Array.isArray(answer.services)) return { ...answer, services: answer.services.map(echo) };
    return answer;
  };
}
