import { createServer, type Server } from "node:net";

/** A TCP server on a free loopback port, held until closed (to test a port that is in use). */
export async function occupyPort(): Promise<Server> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}

/** A loopback port that was free a moment ago, for a child process to listen on. */
export async function freePort(): Promise<number> {
  const server = await occupyPort();
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
