/**
 * ECS Express gateway service API calls. Each function is one operation; failures are
 * `AwsOperationError`s naming the operation and the Express service. Express services are
 * addressed by ARN; a create whose answer was lost is looked up by name with DescribeServices
 * (an Express service is an ECS service too).
 */
import type {
  CreateExpressGatewayServiceRequest,
  DescribeServicesResponse,
  ECSExpressGatewayService,
  Service,
  UpdatedExpressGatewayService,
  UpdateExpressGatewayServiceRequest,
} from '@aws-sdk/client-ecs';
import { AwsOperationError, ProviderError } from '../core/errors';
import type { Ecs } from './client';
import { partsOfServiceArn } from './service-api';

/** "Express service 'web' in cluster 'prod'": how every message names the service. */
export function expressSubject(ref: { serviceName?: unknown; cluster?: unknown; arn?: string }): string {
  const fromArn = partsOfServiceArn(ref.arn);
  const name = typeof ref.serviceName === 'string' ? ref.serviceName : fromArn?.name ?? '(name chosen by ECS)';
  const cluster = typeof ref.cluster === 'string' ? ref.cluster.split('/').pop() : fromArn?.cluster ?? 'default';
  return `Express service '${name}' in cluster '${cluster}'`;
}

const GONE = new Set(['ServiceNotFoundException', 'ResourceNotFoundException']);

/** The service (with tags), or undefined when ECS does not know it. INACTIVE services are returned. */
export async function describeExpress(ecs: Ecs, arn: string, subject: string): Promise<ECSExpressGatewayService | undefined> {
  try {
    const out = await ecs.call<{ service?: ECSExpressGatewayService }>(
      'DescribeExpressGatewayService',
      new ecs.sdk.DescribeExpressGatewayServiceCommand({ serviceArn: arn, include: ['TAGS'] }),
      subject,
    );
    return out.service;
  } catch (err) {
    if (err instanceof AwsOperationError && GONE.has(err.awsCode)) return undefined;
    throw err;
  }
}

export async function createExpress(ecs: Ecs, request: CreateExpressGatewayServiceRequest, subject: string): Promise<ECSExpressGatewayService> {
  const out = await ecs.call<{ service?: ECSExpressGatewayService }>(
    'CreateExpressGatewayService',
    new ecs.sdk.CreateExpressGatewayServiceCommand(request),
    subject,
  );
  if (!out.service?.serviceArn) throw new ProviderError(`Amazon ECS CreateExpressGatewayService returned no service for ${subject}`);
  return out.service;
}

export async function updateExpress(ecs: Ecs, request: UpdateExpressGatewayServiceRequest, subject: string): Promise<UpdatedExpressGatewayService> {
  const out = await ecs.call<{ service?: UpdatedExpressGatewayService }>(
    'UpdateExpressGatewayService',
    new ecs.sdk.UpdateExpressGatewayServiceCommand(request),
    subject,
  );
  return out.service ?? {};
}

export async function deleteExpress(ecs: Ecs, arn: string, subject: string): Promise<void> {
  await ecs.call('DeleteExpressGatewayService', new ecs.sdk.DeleteExpressGatewayServiceCommand({ serviceArn: arn }), subject);
}

/** The ECS service named `name` in `cluster`, as DescribeServices reports it (any status). */
export async function findServiceByName(ecs: Ecs, cluster: string, name: string, subject: string): Promise<Service | undefined> {
  const out = await ecs.call<DescribeServicesResponse>(
    'DescribeServices',
    new ecs.sdk.DescribeServicesCommand({ cluster, services: [name] }),
    subject,
  );
  return out.services?.[0];
}
