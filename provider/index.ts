/** Pulumi resources of ecsdef. */
export { EcsService, ecsServiceProvider } from './ecs-service';
export type { EcsServiceArgs, DeepInput } from './ecs-service-args';
export { readDefinitionFile } from './definition-file';
export type { ResourceDriver } from './core/resource-provider';
export { makeProvider } from './core/resource-provider';
