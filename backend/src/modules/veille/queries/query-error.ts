import { BadRequestException } from '@nestjs/common';
import { tryParseQuery, type QueryAst, type QueryErrorInfo } from '@vigie/query';

/** A query-syntax error as the API renders it: `{ statusCode, message, position, details }`. */
export function querySyntaxException(error: QueryErrorInfo): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    message: error.message,
    position: error.position,
    details: { code: error.code, expected: error.expected, found: error.found },
  });
}

/** Parses or throws the 400 above. */
export function parseOr400(query: string): QueryAst {
  const r = tryParseQuery(query);
  if (!r.ok) throw querySyntaxException(r.error);
  return r.ast;
}
