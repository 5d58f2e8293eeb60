/**
 * A loopback HTTP proxy in front of an ECS endpoint (moto) that injects faults by script:
 * throttling (400 ThrottlingException), server errors (500 ServerException), a connection
 * dropped before forwarding, and a connection dropped after the request reached the server
 * (the change is applied, the response is lost). It logs every call with its request body (so
 * tests count AWS calls and read what was sent), and may rewrite answers (`rewrite`), e.g. to
 * add what real ECS reports and moto does not.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';

/** `cluster-not-found`: what ECS answers for a cluster that was deleted (moto keeps deleted clusters). */
export type Fault = 'throttle' | '500' | 'drop-before' | 'drop-after' | 'cluster-not-found';

export interface FaultProxy {
  endpoint: string;
  /** Queue faults for the next calls of `op` (or of any operation with `*`), in order. */
  inject(op: string, ...faults: Fault[]): void;
  /** Operations seen, with the fault applied (or `ok`) and the request body. */
  log: { op: string; fault: Fault | 'ok'; body: any }[];
  /** The operations seen since the `from`-th call. */
  ops(from?: number): string[];
  close(): Promise<void>;
}

const PREFIX = 'AmazonEC2ContainerServiceV20141113.';

/** Changes an upstream JSON answer of `op` to the request `request` (return it, or a new one). */
export type Rewrite = (op: string, request: any, answer: any) => any;

export async function startFaultProxy(upstream: string, rewrite?: Rewrite): Promise<FaultProxy> {
  const target = new URL(upstream);
  const queues = new Map<string, Fault[]>();
  const log: FaultProxy['log'] = [];
  const sockets = new Set<import('net').Socket>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (d) => chunks.push(d));
    req.on('end', () => {
      const op = String(req.headers['x-amz-target'] ?? '').replace(PREFIX, '') || req.url || '';
      const fault = queues.get(op)?.shift() ?? queues.get('*')?.shift();
      const raw = Buffer.concat(chunks).toString();
      let body: any;
      try {
        body = raw ? JSON.parse(raw) : {};
      } catch {
        body = raw;
      }
      log.push({ op, fault: fault ?? 'ok', body });
      const json = (status: number, body: object) => {
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'proxy' });
        res.end(JSON.stringify(body));
      };
      if (fault === 'throttle') return json(400, { __type: 'ThrottlingException', message: 'Rate exceeded' });
      if (fault === '500') return json(500, { __type: 'ServerException', message: 'Service unavailable (injected)' });
      if (fault === 'cluster-not-found') return json(400, { __type: 'ClusterNotFoundException', message: 'Cluster not found.' });
      if (fault === 'drop-before') return req.socket.destroy();
      const upstreamReq = http.request(
        { hostname: target.hostname, port: target.port, path: req.url, method: req.method, headers: { ...req.headers, host: target.host } },
        (up) => {
          const body: Buffer[] = [];
          up.on('data', (d) => body.push(d));
          up.on('end', () => {
            if (fault === 'drop-after') return req.socket.destroy();
            let answer = Buffer.concat(body);
            if (rewrite && up.statusCode === 200 && op) {
              answer = Buffer.from(JSON.stringify(rewrite(op, JSON.parse(raw || '{}'), JSON.parse(answer.toString() || '{}'))));
            }
            const { 'transfer-encoding': _chunked, ...kept } = up.headers;
            const headers = { ...kept, 'content-length': String(answer.length) };
            res.writeHead(up.statusCode ?? 502, headers);
            res.end(answer);
          });
        },
      );
      upstreamReq.on('error', () => req.socket.destroy());
      upstreamReq.end(Buffer.concat(chunks));
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    inject: (op, ...faults) => queues.set(op, [...(queues.get(op) ?? []), ...faults]),
    log,
    ops: (from = 0) => log.slice(from).map((l) => l.op),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
