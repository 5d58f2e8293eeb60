/**
 * `pulumi up` for one ECS service. The definition file holds the service; the program adds what
 * changes per release (the task definition revision) and a redeploy trigger for images pushed
 * under the same tag.
 *
 *   pulumi config set taskDefinition web:42
 *   pulumi config set imageDigest sha256:...   # optional: forces a new deployment when it changes
 *   pulumi preview                             # rolloutPlan says: in place / new deployment (and why) / replace
 *   pulumi up
 */
import * as pulumi from '@pulumi/pulumi';
import { EcsService } from 'ecsdef';

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
