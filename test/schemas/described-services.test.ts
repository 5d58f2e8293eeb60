/**
 * What DescribeServices (and so `ecspresso init`) writes is a working definition: empty strings
 * and nulls mean "not set", read-back members are information, binpack fields come back in
 * capitals. The documented limits still hold, and unknown keys stay errors.
 */
import { strict as assert } from 'node:assert';
import { validate, type DefinitionKind } from '../../schemas';

const ids = (value: Record<string, unknown>, kind: DefinitionKind, severities = ['error', 'warning']): string[] =>
  validate(value, kind).filter((p) => severities.includes(p.severity)).map((p) => `${p.ruleId} ${p.pointer}`).sort();

describe('validate: described services and documented gaps', () => {
  it('ecspresso: launchType "" beside a Fargate strategy, nulls and read-back members are no error or warning', () => {
    const described = {
      launchType: '',
      capacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1, base: 0 }],
      desiredCount: 1,
      platformFamily: 'Linux',
      platformVersion: 'LATEST',
      pendingCount: 0,
      runningCount: 0,
      resourceManagementType: 'CUSTOMER',
      deploymentConfiguration: { alarms: { enable: false, rollback: false }, maximumPercent: 200, minimumHealthyPercent: 100 },
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'], securityGroups: null, assignPublicIp: 'DISABLED' } },
    };
    assert.deepEqual(ids(described, 'ecspresso'), []);
    assert.deepEqual(ids(described, 'ecspresso', ['info']), ['ECS110 /pendingCount', 'ECS110 /platformFamily', 'ECS110 /resourceManagementType', 'ECS110 /runningCount']);
  });

  it('ecspresso: unknown keys stay errors (a top-level alarms is silently dropped by ecspresso)', () => {
    assert.deepEqual(ids({ desiredCount: 1, alarms: { enable: true } }, 'ecspresso'), ['ECS101 /alarms']);
  });

  it('a CreateService input keeps its rules: "" is no launch type, alarms need alarmNames', () => {
    const create = { serviceName: 'web', taskDefinition: 'web:1', desiredCount: 1, launchType: '', deploymentConfiguration: { alarms: { enable: false, rollback: false } } };
    assert.deepEqual(ids(create, 'service'), ['ECS102 /deploymentConfiguration/alarms', 'ECS104 /launchType']);
  });

  it('UpdateService takes null for enableExecuteCommand and volumeConfigurations', () => {
    assert.deepEqual(ids({ service: 'web', enableExecuteCommand: null, volumeConfigurations: null }, 'update-service'), []);
    assert.deepEqual(ids({ serviceName: 'web', taskDefinition: 'web:1', desiredCount: 1, enableExecuteCommand: null }, 'service'), ['ECS103 /enableExecuteCommand']);
  });

  it('documented limits: EBS volume types, at least one subnet, Express health check paths', () => {
    const ebs = { serviceName: 'db', taskDefinition: 'db:1', desiredCount: 1, volumeConfigurations: [{ name: 'data', managedEBSVolume: { roleArn: 'arn:aws:iam::123456789012:role/r', sizeInGiB: 10, volumeType: 'gp4' } }] };
    assert.deepEqual(ids(ebs, 'service'), ['ECS104 /volumeConfigurations/0/managedEBSVolume/volumeType']);
    const noSubnets = { serviceName: 'web', taskDefinition: 'web:1', desiredCount: 1, networkConfiguration: { awsvpcConfiguration: { subnets: [] } } };
    assert.deepEqual(ids(noSubnets, 'service'), ['ECS108 /networkConfiguration/awsvpcConfiguration/subnets']);
    const express = { infrastructureRoleArn: 'arn:aws:iam::123456789012:role/x', primaryContainer: { image: 'nginx' }, healthCheckPath: 'health' };
    assert.deepEqual(ids(express, 'express-service'), ['ECS107 /healthCheckPath']);
    assert.deepEqual(ids({ ...express, healthCheckPath: '/health?x=1' }, 'express-service'), []);
  });
});
