import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { PUBLIC_KEY } from './auth/roles';
import { type ReplyRef, repliesJson, replyOf } from './http/api-reply';

export interface RouteInfo {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Full path as served, e.g. /api/workspaces/:workspaceId/brands/:brandId */
  path: string;
  isPublic: boolean;
  controller: string;
  handler: string;
  /** Nest serialises the handler's return value as JSON (it does not write the response itself). */
  json: boolean;
  /** Reply schema declared with @ApiReply. */
  reply?: ReplyRef;
}

const METHODS: Partial<Record<RequestMethod, RouteInfo['method']>> = {
  [RequestMethod.GET]: 'GET',
  [RequestMethod.POST]: 'POST',
  [RequestMethod.PUT]: 'PUT',
  [RequestMethod.PATCH]: 'PATCH',
  [RequestMethod.DELETE]: 'DELETE',
};

function join(...parts: string[]): string {
  return '/' + parts.flatMap((p) => p.split('/')).filter(Boolean).join('/');
}

/**
 * The application's own route table, read from Nest's metadata: security tests walk it so a
 * route added later is covered automatically.
 */
export function listRoutes(app: INestApplication, unprefixed: string[] = ['r/:code']): RouteInfo[] {
  const discovery = app.get(DiscoveryService);
  const scanner = app.get(MetadataScanner);
  const reflector = app.get(Reflector);
  const routes: RouteInfo[] = [];
  for (const wrapper of discovery.getControllers()) {
    const instance = wrapper.instance as object | undefined;
    if (!instance || !wrapper.metatype) continue;
    const ctrlPaths = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, wrapper.metatype) ?? '');
    const proto = Object.getPrototypeOf(instance) as Record<string, unknown>;
    for (const name of scanner.getAllMethodNames(proto)) {
      const fn = proto[name] as object;
      const methodPath = Reflect.getMetadata(PATH_METADATA, fn) as string | string[] | undefined;
      const method = Reflect.getMetadata(METHOD_METADATA, fn) as RequestMethod | undefined;
      if (methodPath === undefined || method === undefined || !METHODS[method]) continue;
      const isPublic = Boolean(
        reflector.getAllAndOverride<boolean>(PUBLIC_KEY, [fn as never, wrapper.metatype as never]),
      );
      for (const cp of ctrlPaths) {
        for (const mp of ([] as string[]).concat(methodPath)) {
          const local = join(cp, mp);
          const isUnprefixed = unprefixed.some((u) => join(u) === local);
          routes.push({
            method: METHODS[method]!,
            path: isUnprefixed ? local : join('api', local),
            isPublic,
            controller: wrapper.metatype.name,
            handler: name,
            json: repliesJson(wrapper.metatype, name, fn),
            reply: replyOf(fn),
          });
        }
      }
    }
  }
  return routes;
}
