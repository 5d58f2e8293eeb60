/** Pulumi resources of ecsdef. */
export { EcsService, ecsServiceProvider } from './ecs-service';
export type { EcsServiceArgs } from './ecs-service-args';
export { ExpressGatewayService, expressGatewayServiceProvider } from './express-gateway-service';
export type { ExpressGatewayServiceArgs } from './express-gateway-service-args';
export type { DeepInput, ProviderSettingsArgs } from './settings-args';
export { readDefinitionFile } from './definition-file';
export type { ResourceDriver } from './core/resource-provider';
export { makeProvider } from './core/resource-provider';
