import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { hashPassword } from './passwords';
import type { User } from './user.entity';
import { UsersRepository } from './users.repository';

/** People who can sign in: accounts by e-mail, and their passwords (hashed with argon2 here, never stored in clear). */
@Injectable()
export class UsersService {
  constructor(private readonly users: UsersRepository) {}

  findByEmail(email: string): Promise<User | null> {
    return this.users.findByEmail(email);
  }

  async create(email: string, password: string, opts: { name?: string; isInstanceAdmin?: boolean } = {}): Promise<User> {
    return this.users.insert({
      email: email.toLowerCase(),
      name: opts.name ?? email.split('@')[0],
      passwordHash: await hashPassword(password),
      isInstanceAdmin: opts.isInstanceAdmin ?? false,
      passwordChangedAt: new Date(),
    });
  }

  findById(id: string): Promise<User | null> {
    return this.users.findById(id);
  }

  getById(id: string): Promise<User> {
    return this.users.getById(id);
  }

  findByIds(ids: string[]): Promise<User[]> {
    return this.users.findByIds(ids);
  }

  /** With the password hash (login), by email case-insensitively. */
  findByEmailWithHash(email: string): Promise<User | null> {
    return this.users.findByEmail(email, { withHash: true });
  }

  /** With the password hash (password change). */
  getWithHash(id: string): Promise<User> {
    return this.users.getWithHash(id);
  }

  async setPassword(id: string, password: string): Promise<void> {
    await this.users.setPasswordHash(id, await hashPassword(password), new Date());
  }

  count(): Promise<number> {
    return this.users.count();
  }
}

/** Readable one-time password for invitations and the demo admin. */
export function generatePassword(): string {
  return randomBytes(12).toString('base64url');
}
