import type { INestApplication } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { DiscoveryService } from '@nestjs/core';
import { getMetadataStorage } from 'class-validator';
import type { RouteInfo } from '../common/route-table';

/**
 * The query parameters a route accepts, read from the handler's own metadata: named
 * `@Query('x')` arguments, and the validated properties of a `@Query() dto: SomeDto` class.
 * Security probes use it so a filter added later is probed without anyone listing it.
 */
export function queryParamsOf(app: INestApplication, route: RouteInfo): string[] {
  const wrapper = app
    .get(DiscoveryService)
    .getControllers()
    .find((w) => w.metatype?.name === route.controller);
  const cls = wrapper?.metatype as (new (...a: unknown[]) => unknown) | undefined;
  if (!cls) return [];
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, cls, route.handler) ?? {}) as Record<string, { index: number; data?: unknown }>;
  const types = (Reflect.getMetadata('design:paramtypes', cls.prototype as object, route.handler) ?? []) as unknown[];
  const names = new Set<string>();
  for (const [key, arg] of Object.entries(args)) {
    if (Number(key.split(':')[0]) !== RouteParamtypes.QUERY) continue;
    if (typeof arg.data === 'string') {
      names.add(arg.data);
      continue;
    }
    const dto = types[arg.index];
    if (typeof dto !== 'function' || dto === Object) continue;
    for (const m of getMetadataStorage().getTargetValidationMetadatas(dto as new () => unknown, '', true, false)) {
      names.add(m.propertyName);
    }
  }
  return [...names];
}
