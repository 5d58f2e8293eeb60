/**
 * A scripted ECS endpoint for Express gateway services (moto does not implement them), speaking
 * the JSON 1.1 protocol through `startScriptedEcs`. It keeps a small world: services with their
 * revisions, and one service deployment per revision that runs for `pollsToFinish` polls of
 * DescribeServiceDeployments and then ends as the next scripted outcome says (success, or a
 * rollback with a reason). `queue` injects one-shot replies (throttling, errors) before the
 * world answers.
 */
import { arnOf, clientError, startScriptedEcs, type Handler, type Json, type Reply, type ScriptedEcs } from './scripted-ecs';

const ACCOUNT = '123456789012';
const now = () => Date.now() / 1000;

export type Outcome = { status: 'SUCCESSFUL' } | { status: 'ROLLBACK_SUCCESSFUL' | 'STOPPED'; reason: string } | { status: 'HANG' };

interface Deployment {
  arn: string;
  serviceArn: string;
  clusterArn: string;
  targetServiceRevisionArn: string;
  sourceRevisionArn?: string;
  status: string;
  statusReason?: string;
  createdAt: number;
  polls: number;
  outcome: Outcome;
  /** ListServiceDeployments calls that still do not show it (eventual consistency). */
  hiddenFor: number;
}

interface Sim {
  arn: string;
  name: string;
  cluster: string;
  infrastructureRoleArn: string;
  status: 'ACTIVE' | 'DRAINING' | 'INACTIVE';
  configs: Json[];
  current: Json;
  tags: Json[];
  createdAt: number;
  drainPolls: number;
  currentDeployment?: string;
}

export const expressArn = {
  revision: (cluster: string, name: string, n: number) => `arn:aws:ecs:us-east-1:${ACCOUNT}:service-revision/${cluster}/${name}/${n}`,
  managedTaskDefinition: (name: string, n: number) => arnOf.taskDefinition(`default-${name}:${n}`),
  endpoint: (name: string) => `${name}-0a1b2c3d.ecs.us-east-1.on.aws`,
};

/** Fields of a revision taken from a create or update request. */
const CONFIG_FIELDS = ['executionRoleArn', 'taskRoleArn', 'cpu', 'memory', 'cpuArchitecture', 'healthCheckPath', 'networkConfiguration', 'primaryContainer', 'scalingTarget', 'taskDefinitionArn'];
const OWNED = ['primaryContainer', 'executionRoleArn', 'taskRoleArn', 'cpu', 'memory', 'cpuArchitecture'];

export class ExpressWorld {
  readonly services = new Map<string, Sim>();
  readonly deployments = new Map<string, Deployment>();
  /** Outcomes of the next deployments, in order (then SUCCESSFUL). */
  outcomes: Outcome[] = [];
  /** DescribeServiceDeployments polls a deployment stays IN_PROGRESS. */
  pollsToFinish = 2;
  /** Whether create answers name the deployment (`currentDeployment`). */
  createNamesDeployment = true;
  /** ListServiceDeployments calls that miss a new update's deployment. */
  listLag = 0;
  /** DescribeExpressGatewayService calls a deleted service stays DRAINING. */
  drainPolls = 2;
  private readonly queued = new Map<string, (Reply | Json)[]>();
  private revisionCount = 0;

  /** One-shot replies for the next calls of `op`, answered before the world. */
  queue(op: string, ...replies: (Reply | Json)[]): void {
    this.queued.set(op, [...(this.queued.get(op) ?? []), ...replies]);
  }

  private newConfig(sim: Pick<Sim, 'name' | 'cluster'>, from: Json, request: Json): Json {
    const config: Json = { ...from };
    if (request.taskDefinitionArn) for (const f of OWNED) delete config[f];
    if (request.primaryContainer) delete config.taskDefinitionArn;
    for (const f of CONFIG_FIELDS) if (request[f] !== undefined) config[f] = structuredClone(request[f]);
    const n = ++this.revisionCount;
    if (config.primaryContainer) {
      config.primaryContainer = { containerPort: 80, awsLogsConfiguration: { logGroup: `/aws/ecs/default/${sim.name}`, logStreamPrefix: 'ecs' }, ...config.primaryContainer };
    }
    return {
      cpu: config.taskDefinitionArn ? undefined : '256',
      memory: config.taskDefinitionArn ? undefined : '512',
      healthCheckPath: '/ping',
      networkConfiguration: { subnets: ['subnet-default-a', 'subnet-default-b'], securityGroups: ['sg-default'] },
      scalingTarget: { minTaskCount: 1, maxTaskCount: 10, autoScalingMetric: 'AVERAGE_CPU', autoScalingTargetValue: 60 },
      ...config,
      taskDefinitionArn: request.taskDefinitionArn ?? (config.primaryContainer ? expressArn.managedTaskDefinition(sim.name, n) : config.taskDefinitionArn),
      serviceRevisionArn: expressArn.revision(sim.cluster, sim.name, n),
      ingressPaths: [{ accessType: 'PUBLIC', endpoint: expressArn.endpoint(sim.name) }],
      createdAt: now() + n / 1000,
    };
  }

  private deploy(sim: Sim, target: Json, hiddenFor: number): Deployment {
    const d: Deployment = {
      arn: arnOf.serviceDeployment(sim.cluster, sim.name, `d${this.deployments.size + 1}`),
      serviceArn: sim.arn,
      clusterArn: arnOf.cluster(sim.cluster),
      targetServiceRevisionArn: target.serviceRevisionArn,
      sourceRevisionArn: sim.current?.serviceRevisionArn,
      status: 'IN_PROGRESS',
      createdAt: now(),
      polls: 0,
      outcome: this.outcomes.shift() ?? { status: 'SUCCESSFUL' },
      hiddenFor,
    };
    this.deployments.set(d.arn, d);
    sim.currentDeployment = d.arn;
    return d;
  }

  private body(sim: Sim, tags = true): Json {
    return {
      serviceArn: sim.arn,
      serviceName: sim.name,
      cluster: sim.cluster,
      infrastructureRoleArn: sim.infrastructureRoleArn,
      status: { statusCode: sim.status },
      ...(sim.currentDeployment ? { currentDeployment: sim.currentDeployment } : {}),
      activeConfigurations: sim.configs,
      ...(tags ? { tags: sim.tags } : {}),
      createdAt: sim.createdAt,
      updatedAt: now(),
    };
  }

  private find(arn: string): Sim | Reply {
    const sim = this.services.get(arn);
    return sim ?? clientError('ServiceNotFoundException', 'Service not found.');
  }

  private progress(d: Deployment): void {
    if (d.status !== 'IN_PROGRESS' || d.outcome.status === 'HANG' || ++d.polls < this.pollsToFinish) return;
    const sim = this.services.get(d.serviceArn)!;
    d.status = d.outcome.status;
    if (d.outcome.status === 'SUCCESSFUL') {
      sim.configs = sim.configs.filter((c) => c.serviceRevisionArn === d.targetServiceRevisionArn);
      return;
    }
    d.statusReason = d.outcome.reason;
    sim.configs = sim.configs.filter((c) => c.serviceRevisionArn !== d.targetServiceRevisionArn);
    sim.current = sim.configs[0] ?? sim.current;
  }

  private readonly world: Record<string, Handler> = {
    CreateExpressGatewayService: (b) => {
      if (!b.infrastructureRoleArn) return clientError('InvalidParameterException', 'infrastructureRoleArn is required.');
      const name = b.serviceName ?? `express-${this.services.size + 1}`;
      const cluster = String(b.cluster ?? 'default').split('/').pop()!;
      const arn = arnOf.service(cluster, name);
      if (this.services.get(arn)?.status === 'ACTIVE') return clientError('InvalidParameterException', `Service ${name} already exists.`);
      const sim: Sim = { arn, name, cluster, infrastructureRoleArn: b.infrastructureRoleArn, status: 'ACTIVE', configs: [], current: {}, tags: b.tags ?? [], createdAt: now(), drainPolls: 0 };
      sim.current = this.newConfig(sim, {}, b);
      sim.configs = [sim.current];
      this.services.set(arn, sim);
      this.deploy(sim, sim.current, 0);
      const body = this.body(sim);
      if (!this.createNamesDeployment) delete body.currentDeployment;
      return { service: body };
    },
    UpdateExpressGatewayService: (b) => {
      const sim = this.find(b.serviceArn);
      if ('body' in sim) return sim;
      if (b.taskDefinitionArn && OWNED.some((f) => b[f] !== undefined)) return clientError('InvalidParameterException', 'taskDefinitionArn cannot be combined with container settings.');
      const target = this.newConfig(sim, sim.current, b);
      this.deploy(sim, target, this.listLag);
      sim.configs = [...sim.configs, target];
      sim.current = target;
      return { service: { serviceArn: sim.arn, cluster: sim.cluster, serviceName: sim.name, status: { statusCode: sim.status }, targetConfiguration: target, createdAt: sim.createdAt, updatedAt: now() } };
    },
    DescribeExpressGatewayService: (b) => {
      const sim = this.find(b.serviceArn);
      if ('body' in sim) return sim;
      if (sim.status === 'DRAINING' && ++sim.drainPolls > this.drainPolls) sim.status = 'INACTIVE';
      return { service: this.body(sim, (b.include ?? []).includes('TAGS')) };
    },
    DeleteExpressGatewayService: (b) => {
      const sim = this.find(b.serviceArn);
      if ('body' in sim) return sim;
      sim.status = 'DRAINING';
      return { service: this.body(sim) };
    },
    DescribeServices: (b) => {
      const cluster = String(b.cluster ?? 'default').split('/').pop()!;
      const services = (b.services as string[]).map((s) => this.services.get(s.startsWith('arn:') ? s : arnOf.service(cluster, s))).filter(Boolean) as Sim[];
      return { services: services.map((s) => ({ serviceArn: s.arn, serviceName: s.name, clusterArn: arnOf.cluster(s.cluster), status: s.status, createdAt: s.createdAt })), failures: [] };
    },
    ListServiceDeployments: (b) => {
      const after = b.createdAt?.after ?? 0;
      const matches = [...this.deployments.values()].filter((d) => (d.serviceArn === b.service || d.serviceArn.endsWith(`/${b.service}`)) && d.createdAt >= after);
      const listed = matches.filter((d) => d.hiddenFor-- <= 0);
      return {
        serviceDeployments: listed.map((d) => ({ serviceDeploymentArn: d.arn, serviceArn: d.serviceArn, clusterArn: d.clusterArn, status: d.status, createdAt: d.createdAt, targetServiceRevisionArn: d.targetServiceRevisionArn })),
      };
    },
    DescribeServiceDeployments: (b) => {
      const found = (b.serviceDeploymentArns as string[]).map((a) => this.deployments.get(a)).filter(Boolean) as Deployment[];
      for (const d of found) this.progress(d);
      return {
        serviceDeployments: found.map((d) => ({
          serviceDeploymentArn: d.arn,
          serviceArn: d.serviceArn,
          clusterArn: d.clusterArn,
          status: d.status,
          ...(d.statusReason ? { statusReason: d.statusReason } : {}),
          targetServiceRevision: { arn: d.targetServiceRevisionArn, requestedTaskCount: 2, runningTaskCount: d.status === 'SUCCESSFUL' ? 2 : 1 },
          ...(d.status.startsWith('ROLLBACK') ? { rollback: { reason: 'rolled back to the previous revision', serviceRevisionArn: d.sourceRevisionArn } } : {}),
          createdAt: d.createdAt,
        })),
        failures: [],
      };
    },
    TagResource: (b) => {
      const sim = this.find(b.resourceArn);
      if ('body' in sim) return sim;
      sim.tags = [...sim.tags.filter((t) => !(b.tags as Json[]).some((n) => n.key === t.key)), ...b.tags];
      return {};
    },
    UntagResource: (b) => {
      const sim = this.find(b.resourceArn);
      if ('body' in sim) return sim;
      sim.tags = sim.tags.filter((t) => !(b.tagKeys as string[]).includes(t.key));
      return {};
    },
  };

  /** The handlers for `startScriptedEcs`: queued replies first, then the world. */
  handlers(): Record<string, Handler> {
    const out: Record<string, Handler> = {};
    for (const [op, handler] of Object.entries(this.world)) {
      out[op] = (body, n) => this.queued.get(op)?.shift() ?? handler(body, n);
    }
    return out;
  }

  /** The one service (tests create one at a time). */
  only(): Sim {
    const [sim] = [...this.services.values()];
    return sim;
  }
}

export async function startScriptedExpress(world = new ExpressWorld()): Promise<{ world: ExpressWorld; ecs: ScriptedEcs }> {
  return { world, ecs: await startScriptedEcs(world.handlers()) };
}
