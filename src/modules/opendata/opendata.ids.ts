// Stable identifiers: a CKAN client keeps ids between harvests, so a dataset's or resource's id is
// a name-based UUID (RFC 9562, version 5) of its place in the catalogue, the same on every build.
import { createHash } from 'node:crypto';

// The namespace of zanstat's open-data ids (a random UUID fixed once).
const NAMESPACE = Buffer.from('6f0b1d3e9a5c4e7b8d2f3a1c5e7b9d0f', 'hex');

export function stableUuid(name: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest();
  const b = hash.subarray(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const datasetUuid = (dataset: string) => stableUuid(`dataset:${dataset}`);
export const resourceUuid = (dataset: string, key: string) => stableUuid(`resource:${dataset}:${key}`);
export const organisationUuid = (organisation: string) => stableUuid(`organisation:${organisation}`);
export const groupUuid = (group: string) => stableUuid(`group:${group}`);
