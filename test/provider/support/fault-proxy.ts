/**
 * A loopback HTTP proxy in front of an ECS endpoint (moto) that injects faults by script:
 * throttling (400 ThrottlingException), server errors (500 ServerException), a connection
 * dropped before forwarding, and a connection dropped after the request reached the server
 * (the change is applied, the response is lost).
 */
import * as http from 'http';
import type { AddressInfo } from 'net';

export type Fault = 'throttle' | '500' | 'drop-before' | 'drop-after';

export interface FaultProxy {
  endpoint: string;
  /** Queue faults for the next calls of `op` (or of any operation with `*`), in order. */
  inject(op: string, ...faults: Fault[]): void;
  /** Operations seen, with the fault applied (or `ok`). */
  log: { op: string; fault: Fault | 'ok' }[];
  close(): Promise<void>;
}

const PREFIX = 'AmazonEC2ContainerServiceV20141113.';

export async function startFaultProxy(upstream: string): Promise<FaultProxy> {
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
      log.push({ op, fault: fault ?? 'ok' });
      const json = (status: number, body: object) => {
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'proxy' });
        res.end(JSON.stringify(body));
      };
      if (fault === 'throttle') return json(400, { __type: 'ThrottlingException', message: 'Rate exceeded' });
      if (fault === '500') return json(500, { __type: 'ServerException', message: 'Service unavailable (injected)' });
      if (fault === 'drop-before') return req.socket.destroy();
      const upstreamReq = http.request(
        { hostname: target.hostname, port: target.port, path: req.url, method: req.method, headers: { ...req.headers, host: target.host } },
        (up) => {
          const body: Buffer[] = [];
          up.on('data', (d) => body.push(d));
          up.on('end', () => {
            if (fault === 'drop-after') return req.socket.destroy();
            res.writeHead(up.statusCode ?? 502, up.headers);
            res.end(Buffer.concat(body));
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
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
