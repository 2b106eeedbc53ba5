import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { hashPassword } from './passwords';
import { User } from './user.entity';

@Injectable()
export class UsersService {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  findByEmail(email: string): Promise<User | null> {
    return this.users.createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email }).getOne();
  }

  async create(email: string, password: string, opts: { name?: string; isInstanceAdmin?: boolean } = {}): Promise<User> {
    return this.users.save(
      this.users.create({
        email: email.toLowerCase(),
        name: opts.name ?? email.split('@')[0],
        passwordHash: await hashPassword(password),
        isInstanceAdmin: opts.isInstanceAdmin ?? false,
        passwordChangedAt: new Date(),
      }),
    );
  }

  count(): Promise<number> {
    return this.users.count();
  }
}

/** Readable one-time password for invitations and the demo admin. */
export function generatePassword(): string {
  return randomBytes(12).toString('base64url');
}
