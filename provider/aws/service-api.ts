/**
 * ECS service API calls (the provider's only side effects besides waiting). Each function is
 * one operation with its failure named after the operation and the service it concerns.
 */
import type {
  CreateServiceRequest,
  DescribeServiceRevisionsResponse,
  DescribeServicesResponse,
  Service,
  ServiceRevision,
  Tag,
  UpdateServiceRequest,
} from '@aws-sdk/client-ecs';
import { AwsOperationError, isTransient } from '../core/errors';
import type { Ecs } from './client';

/**
 * Answers meaning the service is gone (deleted outside Pulumi, or its cluster was): refresh and
 * delete treat them as "no service", never as a failure.
 */
const GONE = new Set(['ClusterNotFoundException', 'ServiceNotFoundException', 'ServiceNotActiveException']);

export function isGone(err: unknown): boolean {
  return err instanceof AwsOperationError && GONE.has(err.awsCode);
}

async function unlessGone<T>(call: Promise<T>): Promise<T | undefined> {
  try {
    return await call;
  } catch (err) {
    if (isGone(err)) return undefined;
    throw err;
  }
}

export interface ServiceRef {
  /** Cluster name or ARN. */
  cluster: string;
  /** Service name or ARN. */
  service: string;
}

/** `arn:...:service/CLUSTER/NAME` (a long service ARN) -> its parts (undefined for anything else). */
export function partsOfServiceArn(arn: string | undefined): { cluster: string; name: string } | undefined {
  const m = /^arn:[^:]+:ecs:[^:]*:[^:]*:service\/([^/]+)\/([^/]+)$/.exec(arn ?? '');
  return m ? { cluster: m[1], name: m[2] } : undefined;
}

export function subjectOf(ref: ServiceRef): string {
  const name = ref.service.split('/').pop();
  const cluster = ref.cluster.split('/').pop();
  return `service '${name}' in cluster '${cluster}'`;
}

/**
 * The service (with tags), or undefined when ECS does not know it or its cluster. INACTIVE
 * services are returned.
 */
export async function describeService(ecs: Ecs, ref: ServiceRef): Promise<Service | undefined> {
  const out = await unlessGone(
    ecs.call<DescribeServicesResponse>(
      'DescribeServices',
      new ecs.sdk.DescribeServicesCommand({ cluster: ref.cluster, services: [ref.service], include: ['TAGS'] }),
      subjectOf(ref),
    ),
  );
  return out?.services?.[0];
}

/**
 * The service revision the service runs or converges to: the only place ECS reports a service's
 * gateway connectors and monitoring. Undefined when ECS names none, or the operation is not
 * available (older endpoints, emulators, a policy without ecs:DescribeServiceRevisions); then
 * `log` says so. Transient failures are thrown (the SDK has retried them already).
 */
export async function describeCurrentRevision(ecs: Ecs, service: Service, log: (line: string) => void): Promise<ServiceRevision | undefined> {
  const arn = [...(service.currentServiceRevisions ?? [])].sort((a, b) => (b.requestedTaskCount ?? 0) - (a.requestedTaskCount ?? 0))[0]?.arn;
  if (!arn) return undefined;
  const subject = subjectOf({ cluster: service.clusterArn ?? 'default', service: service.serviceName ?? '' });
  try {
    const out = await ecs.call<DescribeServiceRevisionsResponse>(
      'DescribeServiceRevisions',
      new ecs.sdk.DescribeServiceRevisionsCommand({ serviceRevisionArns: [arn] }),
      subject,
    );
    return out.serviceRevisions?.[0];
  } catch (err) {
    if (isTransient(err)) throw err;
    log(`${subject}: gateway connectors and monitoring not read (${(err as Error).message})`);
    return undefined;
  }
}

export async function createService(ecs: Ecs, request: CreateServiceRequest): Promise<Service> {
  const ref = { cluster: request.cluster ?? 'default', service: request.serviceName ?? '' };
  const out = await ecs.call<{ service?: Service }>('CreateService', new ecs.sdk.CreateServiceCommand(request), subjectOf(ref));
  if (!out.service?.serviceArn) throw new Error(`Amazon ECS CreateService returned no service for ${subjectOf(ref)}`);
  return out.service;
}

export async function updateService(ecs: Ecs, request: UpdateServiceRequest): Promise<Service> {
  const ref = { cluster: request.cluster ?? 'default', service: request.service ?? '' };
  const out = await ecs.call<{ service?: Service }>('UpdateService', new ecs.sdk.UpdateServiceCommand(request), subjectOf(ref));
  if (!out.service) throw new Error(`Amazon ECS UpdateService returned no service for ${subjectOf(ref)}`);
  return out.service;
}

/** False when the service (or its cluster) was already gone. */
export async function deleteService(ecs: Ecs, ref: ServiceRef, force: boolean): Promise<boolean> {
  return (await unlessGone(ecs.call('DeleteService', new ecs.sdk.DeleteServiceCommand({ ...ref, force }), subjectOf(ref)))) !== undefined;
}

/** Scales the service to `count` tasks; false when it (or its cluster) was already gone. */
export async function scaleService(ecs: Ecs, ref: ServiceRef, count: number): Promise<boolean> {
  return (await unlessGone(updateService(ecs, { cluster: ref.cluster, service: ref.service, desiredCount: count }))) !== undefined;
}

/** `subject` names the service in messages (see `subjectOf`; Express services have their own wording). */
export async function tagService(ecs: Ecs, arn: string, tags: Tag[], subject: string): Promise<void> {
  if (!tags.length) return;
  await ecs.call('TagResource', new ecs.sdk.TagResourceCommand({ resourceArn: arn, tags }), subject);
}

export async function untagService(ecs: Ecs, arn: string, keys: string[], subject: string): Promise<void> {
  if (!keys.length) return;
  await ecs.call('UntagResource', new ecs.sdk.UntagResourceCommand({ resourceArn: arn, tagKeys: keys }), subject);
}
