// The request rules the system uses on a day: every list of catalog/request-rules.yaml (Order 25,
// paras 4-9) and the official-use rights, in use on the registration date. Order 25 was repealed
// with no replacement loaded, so its rules stay in use (catalog `inUseOn`).
import {
  inUseOn,
  type AccessRight,
  type Catalog,
  type RequestContentRequirement,
  type RequestGround,
  type RequestPrinciple,
  type RequestReceiptChannel,
  type RequestSignatory,
  type RequestTerm,
} from '../catalog/index.js';

export interface RequestRules {
  on: string;
  principles: readonly RequestPrinciple[];
  channels: readonly RequestReceiptChannel[];
  signatories: readonly RequestSignatory[];
  content: readonly RequestContentRequirement[];
  grounds: readonly RequestGround[];
  terms: readonly RequestTerm[];
  rights: readonly AccessRight[];
}

export function requestRulesOn(catalog: Catalog, on: string): RequestRules {
  return {
    on,
    principles: inUseOn(catalog, catalog.requestPrinciples, on),
    channels: inUseOn(catalog, catalog.requestReceiptChannels, on),
    signatories: inUseOn(catalog, catalog.requestSignatories, on),
    content: inUseOn(catalog, catalog.requestRequiredContent, on),
    grounds: inUseOn(catalog, catalog.requestGrounds, on),
    terms: inUseOn(catalog, catalog.requestTerms, on),
    rights: inUseOn(catalog, catalog.accessRights, on),
  };
}

/** Whether the organisation holds the right to official-use figures on the rules' day. */
export function holdsOfficialUse(rules: RequestRules, organisation: string | undefined | null): boolean {
  if (!organisation) return false;
  return rules.rights.some((r) => r.right === 'official-use' && r.organisations.includes(organisation));
}
