import { Type } from '@sinclair/typebox';
import { roles, type Role as RoleName } from '../../platform/usecase.js';

export const Role = Type.Unsafe<RoleName>({ type: 'string', enum: [...roles] });
import type { ApiToken, User } from './auth.repository.js';

export const UserSchema = Type.Object(
  {
    id: Type.String(),
    login: Type.String(),
    displayName: Type.String(),
    role: Role,
    organisationId: Type.String(),
    active: Type.Boolean(),
    createdAt: Type.String(),
  },
  { additionalProperties: false },
);

export const presentUser = (u: User) => ({
  id: u.id,
  login: u.login,
  displayName: u.displayName,
  role: u.role,
  organisationId: u.organisationId,
  active: u.active,
  createdAt: u.createdAt.toISOString(),
});

export const TokenSchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    prefix: Type.String(),
    organisationId: Type.String(),
    role: Role,
    createdBy: Type.String(),
    createdAt: Type.String(),
    expiresAt: Type.String(),
    revokedAt: Type.Union([Type.String(), Type.Null()]),
    lastUsedAt: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: false },
);

export const presentToken = (t: ApiToken) => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  organisationId: t.organisationId,
  role: t.role,
  createdBy: t.createdBy,
  createdAt: t.createdAt.toISOString(),
  expiresAt: t.expiresAt.toISOString(),
  revokedAt: t.revokedAt?.toISOString() ?? null,
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
});
