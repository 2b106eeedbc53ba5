/** SQL: `col` (timestamptz) between the start of local day `from` and the end of local day `to`. */
export function inLocalDays(col: string, fromParam: string, toParam: string, tzParam: string): string {
  return `${col} >= (${fromParam}::date::timestamp AT TIME ZONE ${tzParam})
    AND ${col} < ((${toParam}::date + 1)::timestamp AT TIME ZONE ${tzParam})`;
}
