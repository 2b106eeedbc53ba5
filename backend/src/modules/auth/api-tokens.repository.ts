import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, type Repository } from 'typeorm';
import { ApiToken } from './api-token.entity';

/** The `api_tokens` table (personal tokens bound to one workspace). */
@Injectable()
export class ApiTokensRepository {
  constructor(@InjectRepository(ApiToken) private readonly tokens: Repository<ApiToken>) {}

  findLive(tokenHash: string): Promise<ApiToken | null> {
    return this.tokens.findOne({ where: { tokenHash, revokedAt: IsNull() } });
  }

  async touch(id: string): Promise<void> {
    await this.tokens.update({ id }, { lastUsedAt: new Date() });
  }

  insert(values: Pick<ApiToken, 'userId' | 'workspaceId' | 'role' | 'name' | 'tokenHash'>): Promise<ApiToken> {
    return this.tokens.save(this.tokens.create({ ...values, revokedAt: null }));
  }

  findOfUser(userId: string): Promise<ApiToken[]> {
    return this.tokens.find({ where: { userId }, order: { createdAt: 'DESC' } });
  }

  /** Revokes a live token of the user; false when there is none with that id. */
  async revoke(userId: string, id: string): Promise<boolean> {
    const res = await this.tokens.update({ id, userId, revokedAt: IsNull() }, { revokedAt: new Date() });
    return !!res.affected;
  }
}
