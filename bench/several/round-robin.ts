// The benchmark's own round-robin in front of the web instances: each new TCP connection goes to
// the next instance, and its bytes are piped both ways untouched (keep-alive connections stay
// with their instance, as behind a layer-4 balancer).
import net from 'node:net';

export interface RoundRobin {
  port: number;
  close(): Promise<void>;
}

export async function roundRobin(backends: number[]): Promise<RoundRobin> {
  let next = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(backends[next++ % backends.length]!, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.setNoDelay(true);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
