import type { CrisisUserDto } from '@vigie/contracts';

/** Who did it, as the crisis room names people: the name, else the e-mail, else a dash. */
export function personLabel(u: CrisisUserDto | null | undefined): string {
  return u?.name ?? u?.email ?? '—';
}
