// @peculiar/x509 with what it needs before its first use: the Reflect metadata its dependency
// injection reads, and Node's WebCrypto as its crypto provider. The module imports it from here.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

export { x509 };
