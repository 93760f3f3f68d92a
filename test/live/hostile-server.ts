/**
 * For the hostile-input tests: the built `attune serve` in a child process, a watcher that polls its /healthz
 * and reads its memory throughout, and raw WebSocket connections that can send frames no client library would.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { connect as tcpConnect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startAttune, waitUntil, type Running } from "../helpers/child-processes.js";
import { freePort } from "../helpers/free-port.js";

export interface ServedAttune {
  process: Running;
  url: string;
  port: number;
  dataDir: string;
  /** True while the process runs. */
  alive(): boolean;
  stop(): Promise<void>;
}

/** `attune serve` on a free loopback port with only the settings given (no database, Redis or model). */
export async function serveAttune(settings: Record<string, string>): Promise<ServedAttune> {
  const dataDir = await mkdtemp(join(tmpdir(), "attune-hostile-"));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ATTUNE_DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
    ...settings,
  };
  const running = startAttune(["serve", "--port", String(port)], env, 600_000);
  await waitUntil("attune serve is up", () => /Attune is running at/.test(running.output().stdout) || !isRunning(running), 90_000);
  if (!isRunning(running)) throw new Error(`attune serve did not start: ${running.output().stderr}`);
  return {
    process: running,
    url: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    alive: () => isRunning(running),
    async stop() {
      running.kill("SIGTERM");
      await running.done;
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

const isRunning = (running: Running) => running.child.exitCode === null && running.child.signalCode === null;

export interface HealthRecord {
  /** Longest time between two answered /healthz (polled every 50 ms, each with a 10 s deadline). */
  longestGapMs: number;
  answers: number;
  failures: number;
  /** The child's peak resident memory (VmHWM) when the watch ended. */
  peakRssBytes: number;
}

/**
 * The poller runs in a process of its own, so the test's own work (building and sending a flood) does not
 * count as the server's silence. It polls until its stdin closes, then prints what it saw as one JSON line.
 */
const POLLER = `
const url = process.argv[1];
let watching = true;
process.stdin.on("end", () => (watching = false)).resume();
const record = { longestGapMs: 0, answers: 0, failures: 0 };
let last = Date.now();
(async () => {
  while (watching) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(10000) });
      await response.arrayBuffer();
      const now = Date.now();
      if (response.ok) {
        // Counted from the first answer on (the poller's own start-up is not the server's silence).
        if (record.answers++ === 0) process.stdout.write("ready\\n");
        else record.longestGapMs = Math.max(record.longestGapMs, now - last);
        last = now;
      } else record.failures++;
    } catch {
      record.failures++;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  record.longestGapMs = Math.max(record.longestGapMs, Date.now() - last);
  process.stdout.write(JSON.stringify(record) + "\\n");
})();
`;

/** Polls /healthz (from another process) until stopped; `stop` resolves with what it saw. */
export async function watchHealth(server: ServedAttune): Promise<{ stop(): Promise<HealthRecord> }> {
  const poller = spawn(process.execPath, ["-e", POLLER, `${server.url}/healthz`], { stdio: ["pipe", "pipe", "inherit"] });
  let out = "";
  poller.stdout.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
  const exited = new Promise<void>((resolve) => poller.on("close", () => resolve()));
  // Its first answer: the poller is running before the test starts sending.
  await waitUntil("the health poller's first answer", () => out.startsWith("ready\n"), 30_000);
  return {
    async stop() {
      poller.stdin.end();
      await exited;
      const record = JSON.parse(out.trim().split("\n").at(-1)!) as Omit<HealthRecord, "peakRssBytes">;
      return { ...record, peakRssBytes: peakRss(server.process.pid) };
    },
  };
}

function peakRss(pid: number): number {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}

export interface RawSocket {
  socket: Socket;
  /** The close code of the first close frame the server sends, or null if the connection ends without one. */
  closeCode: Promise<number | null>;
}

/** Opens a WebSocket by hand (the handshake, then nothing), so the test can write any bytes it likes. */
export async function rawWebSocket(port: number, path: string, headers: Record<string, string> = {}): Promise<RawSocket> {
  const socket = tcpConnect(port, "127.0.0.1");
  socket.on("error", () => socket.destroy());
  const lines = [
    `GET ${path} HTTP/1.1`,
    `Host: 127.0.0.1:${port}`,
    "Upgrade: websocket",
    "Connection: Upgrade",
    "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
    "Sec-WebSocket-Version: 13",
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ];
  socket.write(`${lines.join("\r\n")}\r\n\r\n`);
  let received = Buffer.alloc(0);
  let afterHandshake: Buffer | null = null;
  let upgraded: () => void = () => undefined;
  let refused: (error: Error) => void = () => undefined;
  const handshake = new Promise<void>((resolve, reject) => {
    upgraded = resolve;
    refused = reject;
  });
  const closeCode = new Promise<number | null>((resolve) => {
    const read = () => {
      if (afterHandshake === null || afterHandshake.length < 2) return false;
      const opcode = afterHandshake[0]! & 0x0f;
      if (opcode === 0x8 && afterHandshake.length >= 4) resolve(afterHandshake.readUInt16BE(2));
      else if (opcode === 0x8 && afterHandshake.length >= 2 && afterHandshake[1] === 0) resolve(null);
      return opcode === 0x8;
    };
    socket.on("data", (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (afterHandshake === null) {
        const end = received.indexOf("\r\n\r\n");
        if (end === -1) return;
        const status = received.subarray(0, received.indexOf("\r\n")).toString();
        if (!status.includes(" 101 ")) return refused(new Error(`upgrade refused: ${status}`));
        afterHandshake = received.subarray(end + 4);
        upgraded();
      } else afterHandshake = Buffer.concat([afterHandshake, chunk]);
      read();
    });
    socket.on("close", () => {
      refused(new Error("closed before the handshake"));
      resolve(null);
    });
  });
  await handshake;
  return { socket, closeCode };
}

/** A masked client frame header (mask key 0, so the payload goes as is). */
export function frame(firstByte: number, payload: Buffer): Buffer {
  const length = payload.length;
  const header =
    length < 126
      ? Buffer.from([firstByte, 0x80 | length])
      : Buffer.concat([Buffer.from([firstByte, 0x80 | 126]), Buffer.from([length >> 8, length & 0xff])]);
  return Buffer.concat([header, Buffer.alloc(4), payload]);
}
