import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import { User } from './user.entity';

export type NewUser = Pick<User, 'email' | 'name' | 'passwordHash' | 'isInstanceAdmin' | 'passwordChangedAt'>;

/** The `users` table. E-mails are matched case-insensitively; the password hash is read only when asked for. */
@Injectable()
export class UsersRepository {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  findByEmail(email: string, opts: { withHash?: boolean } = {}): Promise<User | null> {
    const q = this.users.createQueryBuilder('u');
    if (opts.withHash) q.addSelect('u.passwordHash');
    return q.where('lower(u.email) = lower(:email)', { email }).getOne();
  }

  insert(values: NewUser): Promise<User> {
    return this.users.save(this.users.create(values));
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

  getWithHash(id: string): Promise<User> {
    return this.users.createQueryBuilder('u').addSelect('u.passwordHash').where('u.id = :id', { id }).getOneOrFail();
  }

  async setPasswordHash(id: string, passwordHash: string, changedAt: Date): Promise<void> {
    await this.users.update({ id }, { passwordHash, passwordChangedAt: changedAt });
  }

  count(): Promise<number> {
    return this.users.count();
  }
}
