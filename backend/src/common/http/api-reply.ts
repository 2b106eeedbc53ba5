import { readFileSync } from 'node:fs';
import path from 'node:path';
import { RequestMethod } from '@nestjs/common';
import {
  HEADERS_METADATA,
  HTTP_CODE_METADATA,
  METHOD_METADATA,
  RESPONSE_PASSTHROUGH_METADATA,
  ROUTE_ARGS_METADATA,
} from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ApiResponse } from '@nestjs/swagger';

/**
 * What a handler may return for a reply DTO of @vigie/contracts: the same shape, where a Date may
 * stand for a string (JSON.stringify writes Date.toISOString(), the DTOs' IsoDateTime).
 */
export type Wire<T> = T extends string
  ? string extends T
    ? T | Date
    : T
  : T extends readonly (infer U)[]
    ? readonly Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

/** A reply schema: a type name of @vigie/contracts, or [name] for an array of it. */
export type ReplyRef = string | [string];

const REPLY_METADATA = 'vigie:reply';
export const SCHEMA_REF_PREFIX = '#/components/schemas/';

function schemaOf(ref: ReplyRef): { $ref: string } | { type: 'array'; items: { $ref: string } } {
  return typeof ref === 'string' ? { $ref: SCHEMA_REF_PREFIX + ref } : { type: 'array', items: { $ref: SCHEMA_REF_PREFIX + ref[0] } };
}

/**
 * Documents a route's success reply with a JSON Schema generated from @vigie/contracts
 * (`@ApiReply('BrandDto')`, `@ApiReply(['BrandDto'])`). Put it ABOVE the route decorator
 * (and any @HttpCode): it reads them to know the status (200, or 201 for a POST).
 */
export function ApiReply(ref: ReplyRef, description?: string): MethodDecorator {
  return (target, key, descriptor) => {
    const fn = descriptor.value as object;
    const method = Reflect.getMetadata(METHOD_METADATA, fn) as RequestMethod | undefined;
    if (method === undefined) throw new Error(`@ApiReply on ${String(key)}: put it above the route decorator`);
    const status =
      (Reflect.getMetadata(HTTP_CODE_METADATA, fn) as number | undefined) ?? (method === RequestMethod.POST ? 201 : 200);
    Reflect.defineMetadata(REPLY_METADATA, ref, fn);
    return ApiResponse({ status, description: description ?? (typeof ref === 'string' ? ref : `${ref[0]}[]`), schema: schemaOf(ref) })(
      target,
      key,
      descriptor,
    );
  };
}

/** The reply schema declared on a handler with @ApiReply, if any. */
export function replyOf(handler: object): ReplyRef | undefined {
  return Reflect.getMetadata(REPLY_METADATA, handler) as ReplyRef | undefined;
}

/**
 * Whether a handler answers with JSON (Nest serialises what it returns): false when it writes the
 * response itself (@Res() without passthrough) or declares another Content-Type (@Header).
 */
export function repliesJson(controller: object, name: string, handler: object): boolean {
  const headers = (Reflect.getMetadata(HEADERS_METADATA, handler) ?? []) as Array<{ name: string; value: string }>;
  const type = headers.find((h) => h.name.toLowerCase() === 'content-type');
  if (type && !/json/i.test(type.value)) return false;
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<string, unknown>;
  const usesRes = Object.keys(args).some((k) => k.split(':')[0] === String(RouteParamtypes.RESPONSE));
  return !usesRes || Boolean(Reflect.getMetadata(RESPONSE_PASSTHROUGH_METADATA, controller, name));
}

/** The JSON Schemas of @vigie/contracts' types (built by its `build` script into dist/schemas.json). */
export function contractSchemas(): Record<string, Record<string, unknown>> {
  const dir = path.dirname(require.resolve('@vigie/contracts/package.json'));
  return JSON.parse(readFileSync(path.join(dir, 'dist', 'schemas.json'), 'utf8')) as Record<string, Record<string, unknown>>;
}
