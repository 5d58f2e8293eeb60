/**
 * What one EcsService provider call works with: the definition and settings of its bag, an ECS
 * client, and the mask for text that comes from AWS (core/mask.ts: the values of the arguments
 * the program marked secret, in the new bag and in any other bag the call reads).
 */
import { connectEcs, type Ecs } from '../aws/client';
import * as api from '../aws/service-api';
import { splitBag, type Bag } from '../core/inputs';
import { masker, secretFieldValues, type Mask } from '../core/mask';
import { resolveSettings, type ProviderSettings } from '../core/settings';
import { SERVICE_OUTPUT_KEYS } from './state';

export interface Session {
  def: Bag;
  settings: ProviderSettings;
  ecs: Ecs;
  mask: Mask;
}

export function openSession(bag: Bag, alsoSensitive: Bag[] = []): Session {
  const { definition, settings } = splitBag(bag, SERVICE_OUTPUT_KEYS);
  const resolved = resolveSettings(settings);
  const mask = masker([bag, ...alsoSensitive].flatMap(secretFieldValues));
  return { def: definition, settings: resolved, ecs: connectEcs(resolved, mask), mask };
}

/** The service a definition names: its cluster (else the one in the ARN `id`, else `default`) and name (else `id`). */
export function refOf(def: Bag, id?: string): api.ServiceRef {
  const cluster = typeof def.cluster === 'string' ? def.cluster : api.partsOfServiceArn(id)?.cluster ?? 'default';
  return { cluster, service: typeof def.serviceName === 'string' ? def.serviceName : id ?? '' };
}
