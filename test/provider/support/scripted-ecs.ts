/**
 * A tiny ECS endpoint on loopback speaking the JSON 1.1 protocol (`X-Amz-Target:
 * AmazonEC2ContainerServiceV20141113.<Op>`, `application/x-amz-json-1.1`), answering from a
 * script. moto emulates no rollouts; this plays deployments that complete, roll back or hang.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';

export type Json = Record<string, any>;
export interface Reply {
  status?: number;
  body: Json;
}
/** A handler gets the request body and how many times this operation was called before. */
export type Handler = (body: Json, callIndex: number) => Reply | Json;

export interface ScriptedEcs {
  endpoint: string;
  calls: { op: string; body: Json; headers: http.IncomingHttpHeaders }[];
  ops(): string[];
  close(): Promise<void>;
}

const PREFIX = 'AmazonEC2ContainerServiceV20141113.';

export function clientError(type: string, message: string, status = 400): Reply {
  return { status, body: { __type: type, message } };
}

export async function startScriptedEcs(handlers: Record<string, Handler>): Promise<ScriptedEcs> {
  const calls: ScriptedEcs['calls'] = [];
  const counts = new Map<string, number>();
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => (raw += d));
    req.on('end', () => {
      const op = String(req.headers['x-amz-target'] ?? '').replace(PREFIX, '');
      const body = raw ? JSON.parse(raw) : {};
      calls.push({ op, body, headers: req.headers });
      const n = counts.get(op) ?? 0;
      counts.set(op, n + 1);
      const handler = handlers[op];
      let reply: Reply;
      try {
        const out = handler ? handler(body, n) : clientError('UnknownOperationException', `no script for ${op}`);
        reply = 'body' in out && typeof out.body === 'object' ? (out as Reply) : { body: out as Json };
      } catch (err) {
        reply = clientError('ServerException', `script error: ${(err as Error).message}`, 500);
      }
      res.writeHead(reply.status ?? 200, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': `req-${calls.length}` });
      res.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls,
    ops: () => calls.map((c) => c.op),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const ACCOUNT = '123456789012';
export const arnOf = {
  cluster: (c: string) => `arn:aws:ecs:us-east-1:${ACCOUNT}:cluster/${c}`,
  service: (c: string, s: string) => `arn:aws:ecs:us-east-1:${ACCOUNT}:service/${c}/${s}`,
  taskDefinition: (td: string) => `arn:aws:ecs:us-east-1:${ACCOUNT}:task-definition/${td.includes(':') ? td : `${td}:1`}`,
  serviceDeployment: (c: string, s: string, id: string) => `arn:aws:ecs:us-east-1:${ACCOUNT}:service-deployment/${c}/${s}/${id}`,
};

/** A DescribeServices-shaped service (dates as epoch seconds, as the JSON protocol sends them). */
export function serviceBody(opts: {
  cluster: string;
  name: string;
  taskDefinition: string;
  desiredCount?: number;
  deployments?: Json[];
  currentServiceDeployment?: string;
  status?: string;
  extra?: Json;
}): Json {
  return {
    serviceArn: arnOf.service(opts.cluster, opts.name),
    serviceName: opts.name,
    clusterArn: arnOf.cluster(opts.cluster),
    status: opts.status ?? 'ACTIVE',
    desiredCount: opts.desiredCount ?? 2,
    runningCount: 0,
    pendingCount: 0,
    taskDefinition: arnOf.taskDefinition(opts.taskDefinition),
    deploymentController: { type: 'ECS' },
    schedulingStrategy: 'REPLICA',
    launchType: 'FARGATE',
    platformVersion: 'LATEST',
    deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100, deploymentCircuitBreaker: { enable: true, rollback: true } },
    deployments: opts.deployments ?? [],
    ...(opts.currentServiceDeployment ? { currentServiceDeployment: opts.currentServiceDeployment } : {}),
    events: [],
    createdAt: 1_700_000_000,
    ...opts.extra,
  };
}

export function deployment(id: string, taskDefinition: string, rolloutState: string, extra: Json = {}): Json {
  return {
    id,
    status: 'PRIMARY',
    taskDefinition: arnOf.taskDefinition(taskDefinition),
    desiredCount: 2,
    runningCount: rolloutState === 'COMPLETED' ? 2 : 1,
    pendingCount: rolloutState === 'COMPLETED' ? 0 : 1,
    failedTasks: 0,
    rolloutState,
    rolloutStateReason: `ECS deployment ${id} ${rolloutState.toLowerCase()}.`,
    createdAt: 1_700_000_000,
    updatedAt: 1_700_000_100,
    ...extra,
  };
}
