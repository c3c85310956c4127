// What the runner, the bench server and the plain node:http server say to each other over IPC: a
// fixture is the answer of one route (status, type, encoding and bytes) as zanstat sent it, which
// both baselines then serve from memory.
export interface Fixture {
  status: number;
  type: string;
  encoding: string | null;
  body: Buffer;
}

/** A fixture on the wire: its bytes in base64. */
export type WireFixture = Omit<Fixture, 'body'> & { body: string };

export type Command =
  | { kind: 'same-bytes'; key: string; fixture: WireFixture }
  | { kind: 'profile-start' }
  | { kind: 'profile-stop'; file: string };

export type ToServer = Command & { id: number };

export type FromServer =
  | { kind: 'ready'; port: number; tokens?: { auditor: string; editor: string } }
  | { kind: 'done'; id: number };

export const toWire = (f: Fixture): WireFixture => ({ ...f, body: f.body.toString('base64') });
export const fromWire = (f: WireFixture): Fixture => ({ ...f, body: Buffer.from(f.body, 'base64') });
