import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
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

  findById(id: string): Promise<User | null> {
    return this.users.findOne({ where: { id } });
  }

  getById(id: string): Promise<User> {
    return this.users.findOneOrFail({ where: { id } });
  }

  findByIds(ids: string[]): Promise<User[]> {
    return this.users.find({ where: { id: In(ids) } });
  }

  /** With the password hash (login), by email case-insensitively. */
  findByEmailWithHash(email: string): Promise<User | null> {
    return this.users.createQueryBuilder('u').addSelect('u.passwordHash').where('lower(u.email) = lower(:email)', { email }).getOne();
  }

  /** With the password hash (password change). */
  getWithHash(id: string): Promise<User> {
    return this.users.createQueryBuilder('u').addSelect('u.passwordHash').where('u.id = :id', { id }).getOneOrFail();
  }

  async setPassword(id: string, password: string): Promise<void> {
    await this.users.update({ id }, { passwordHash: await hashPassword(password), passwordChangedAt: new Date() });
  }

  count(): Promise<number> {
    return this.users.count();
  }
}

/** Readable one-time password for invitations and the demo admin. */
export function generatePassword(): string {
  return randomBytes(12).toString('base64url');
}
