/**
 * `pulumi up` for one ECS service and one ECS Express gateway service. Each definition file holds
 * the service; the program adds what changes per release (the task definition revision, the
 * image) and the values that must stay secret.
 *
 *   pulumi config set taskDefinition web:42
 *   pulumi config set imageDigest sha256:...   # optional: forces a new deployment when it changes
 *   pulumi config set helloImage 123456789012.dkr.ecr.us-east-1.amazonaws.com/hello:1.4.0
 *   pulumi config set --secret dbPassword ...  # reaches the container as an environment value
 *   pulumi preview                             # rolloutPlan says: in place / new deployment or new revision (and why) / replace
 *   pulumi up
 */
import * as pulumi from '@pulumi/pulumi';
import { EcsService, ExpressGatewayService } from 'ecsdef';

const config = new pulumi.Config();

const web = new EcsService('web', {
  definitionFile: 'service.yaml',
  taskDefinition: config.require('taskDefinition'),
  desiredCount: config.getNumber('desiredCount') ?? 2,
  redeployTriggers: config.get('imageDigest'),
  timeouts: { create: 1200, update: 1200, delete: 900 },
});

export const serviceArn = web.serviceArn;
export const deploymentId = web.deploymentId;
export const rolloutState = web.rolloutState;
export const rolloutPlan = web.rolloutPlan;

// An Express gateway service: every accepted update makes a new service revision, rolled out by
// ECS. `primaryContainer` replaces the file's container (the file has none here); the password
// is a Pulumi secret, and the provider stores the whole container as a secret in state.
const hello = new ExpressGatewayService('hello', {
  definitionFile: 'express.yaml',
  primaryContainer: {
    image: config.require('helloImage'),
    containerPort: 8080,
    environment: [
      { name: 'STAGE', value: pulumi.getStack() },
      { name: 'DB_PASSWORD', value: config.requireSecret('dbPassword') },
    ],
    secrets: [{ name: 'API_TOKEN', valueFrom: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:hello/api-token' }],
    awsLogsConfiguration: { logGroup: '/ecs/hello', logStreamPrefix: 'hello' },
  },
  timeouts: { create: 1200, update: 1200, delete: 900 },
});

export const helloUrl = hello.ingressEndpoint;
export const helloRevision = hello.serviceRevisionArn;
export const helloRolloutPlan = hello.rolloutPlan;
