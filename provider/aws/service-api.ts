/**
 * ECS service API calls (the provider's only side effects besides waiting). Each function is
 * one operation with its failure named after the operation and the service it concerns.
 */
import type {
  CreateServiceRequest,
  DescribeServicesResponse,
  Service,
  Tag,
  UpdateServiceRequest,
} from '@aws-sdk/client-ecs';
import type { Ecs } from './client';

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

/** The service (with tags), or undefined when ECS does not know it. INACTIVE services are returned. */
export async function describeService(ecs: Ecs, ref: ServiceRef): Promise<Service | undefined> {
  const out = await ecs.call<DescribeServicesResponse>(
    'DescribeServices',
    new ecs.sdk.DescribeServicesCommand({ cluster: ref.cluster, services: [ref.service], include: ['TAGS'] }),
    subjectOf(ref),
  );
  return out.services?.[0];
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

export async function deleteService(ecs: Ecs, ref: ServiceRef, force: boolean): Promise<void> {
  await ecs.call('DeleteService', new ecs.sdk.DeleteServiceCommand({ ...ref, force }), subjectOf(ref));
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
