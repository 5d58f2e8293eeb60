/**
 * The registry of cross-field rules (ids ECS2xx), in id order. Every rule file of this folder is
 * listed here explicitly; a test reads the folder and fails when one is missing.
 */
import type { Rule } from '../rule';
import launchTypeExcludesCapacityProviderStrategy from './launch-type-excludes-capacity-provider-strategy';
import roleRequiresLoadBalancers from './role-requires-load-balancers';
import roleExcludesAwsvpc from './role-excludes-awsvpc';
import roleRequiresSingleTargetGroup from './role-requires-single-target-group';
import roleWithServiceLinkedRoleFeatures from './role-with-service-linked-role-features';
import desiredCountRequired from './desired-count-required';
import taskDefinitionRequired from './task-definition-required';
import daemonExcludesFargate from './daemon-excludes-fargate';
import daemonRequiresEcsController from './daemon-requires-ecs-controller';
import daemonExcludesPlacementStrategy from './daemon-excludes-placement-strategy';
import daemonMaximumPercent from './daemon-maximum-percent';
import daemonExcludesVolumeConfigurations from './daemon-excludes-volume-configurations';
import capacityProviderSingleBase from './capacity-provider-single-base';
import capacityProviderStrategyNeedsWeight from './capacity-provider-strategy-needs-weight';
import managedInstancesRequiresCapacityProvider from './managed-instances-requires-capacity-provider';
import distinctInstanceExcludesExpression from './distinct-instance-excludes-expression';
import memberOfRequiresExpression from './member-of-requires-expression';
import binpackFieldCpuOrMemory from './binpack-field-cpu-or-memory';
import randomExcludesField from './random-excludes-field';
import spreadFieldKnownAttribute from './spread-field-known-attribute';
import fargateExcludesPlacementConstraints from './fargate-excludes-placement-constraints';
import fargateIgnoresPlacementStrategy from './fargate-ignores-placement-strategy';
import fargateRequiresNetworkConfiguration from './fargate-requires-network-configuration';
import platformVersionRequiresFargate from './platform-version-requires-fargate';
import assignPublicIpRequiresFargate from './assign-public-ip-requires-fargate';
import loadBalancerTargetGroupOrName from './load-balancer-target-group-or-name';
import loadBalancerContainerRequired from './load-balancer-container-required';
import classicLoadBalancerExcludesAwsvpc from './classic-load-balancer-excludes-awsvpc';
import codeDeployRequiresLoadBalancer from './code-deploy-requires-load-balancer';
import multipleTargetGroupsRequireEcsController from './multiple-target-groups-require-ecs-controller';
import serviceRegistriesSingle from './service-registries-single';
import serviceRegistryPortOrContainer from './service-registry-port-or-container';
import healthCheckGracePeriodWithoutHealthChecks from './health-check-grace-period-without-health-checks';
import minimumHealthyPercentWithinMaximum from './minimum-healthy-percent-within-maximum';
import deploymentPercentLockedOnEc2 from './deployment-percent-locked-on-ec2';
import deploymentPercentUnusedOnFargate from './deployment-percent-unused-on-fargate';
import deploymentFeaturesRequireEcsController from './deployment-features-require-ecs-controller';
import deploymentStrategySettingsMatch from './deployment-strategy-settings-match';
import blueGreenRequiresBakeTime from './blue-green-requires-bake-time';
import earlySuccessCriteriaSettings from './early-success-criteria-settings';
import lifecycleHookSettings from './lifecycle-hook-settings';
import managedTagsRequirePropagateTags from './managed-tags-require-propagate-tags';
import ebsVolumeSizeOrSnapshot from './ebs-volume-size-or-snapshot';
import ebsIopsByVolumeType from './ebs-iops-by-volume-type';
import ebsThroughputRequiresGp3 from './ebs-throughput-requires-gp3';
import ebsSizeByVolumeType from './ebs-size-by-volume-type';
import ebsInitializationRateRequiresSnapshot from './ebs-initialization-rate-requires-snapshot';
import ebsMagneticNotOnFargate from './ebs-magnetic-not-on-fargate';
import serviceConnectAccessLogRequiresLogConfiguration from './service-connect-access-log-requires-log-configuration';
import serviceConnectClientAliasRequired from './service-connect-client-alias-required';
import expressTaskDefinitionExclusive from './express-task-definition-exclusive';
import expressScalingMinWithinMax from './express-scaling-min-within-max';
import expressContainerRequired from './express-container-required';
import tagKeysUniqueAndUnreserved from './tag-keys-unique-and-unreserved';

export const crossFieldRules: Rule[] = [
  launchTypeExcludesCapacityProviderStrategy,
  roleRequiresLoadBalancers,
  roleExcludesAwsvpc,
  roleRequiresSingleTargetGroup,
  roleWithServiceLinkedRoleFeatures,
  desiredCountRequired,
  taskDefinitionRequired,
  daemonExcludesFargate,
  daemonRequiresEcsController,
  daemonExcludesPlacementStrategy,
  daemonMaximumPercent,
  daemonExcludesVolumeConfigurations,
  capacityProviderSingleBase,
  capacityProviderStrategyNeedsWeight,
  managedInstancesRequiresCapacityProvider,
  distinctInstanceExcludesExpression,
  memberOfRequiresExpression,
  binpackFieldCpuOrMemory,
  randomExcludesField,
  spreadFieldKnownAttribute,
  fargateExcludesPlacementConstraints,
  fargateIgnoresPlacementStrategy,
  fargateRequiresNetworkConfiguration,
  platformVersionRequiresFargate,
  assignPublicIpRequiresFargate,
  loadBalancerTargetGroupOrName,
  loadBalancerContainerRequired,
  classicLoadBalancerExcludesAwsvpc,
  codeDeployRequiresLoadBalancer,
  multipleTargetGroupsRequireEcsController,
  serviceRegistriesSingle,
  serviceRegistryPortOrContainer,
  healthCheckGracePeriodWithoutHealthChecks,
  minimumHealthyPercentWithinMaximum,
  deploymentPercentLockedOnEc2,
  deploymentPercentUnusedOnFargate,
  deploymentFeaturesRequireEcsController,
  deploymentStrategySettingsMatch,
  blueGreenRequiresBakeTime,
  earlySuccessCriteriaSettings,
  lifecycleHookSettings,
  managedTagsRequirePropagateTags,
  ebsVolumeSizeOrSnapshot,
  ebsIopsByVolumeType,
  ebsThroughputRequiresGp3,
  ebsSizeByVolumeType,
  ebsInitializationRateRequiresSnapshot,
  ebsMagneticNotOnFargate,
  serviceConnectAccessLogRequiresLogConfiguration,
  serviceConnectClientAliasRequired,
  expressTaskDefinitionExclusive,
  expressScalingMinWithinMax,
  expressContainerRequired,
  tagKeysUniqueAndUnreserved,
];
