import { facebookInsightsFormat } from './facebook-insights.format';
import { genericFormat } from './generic.format';
import type { ImportFormat, ImportFormatName } from './import-format';
import { linkedinPageFormat } from './linkedin-page.format';
import { youtubeStudioFormat } from './youtube-studio.format';

export { IMPORT_FORMATS, type ImportFormatName, type FormatLayout } from './import-format';

const FORMATS: readonly ImportFormat[] = [facebookInsightsFormat, linkedinPageFormat, youtubeStudioFormat, genericFormat];

export function importFormat(name: ImportFormatName): ImportFormat {
  const f = FORMATS.find((x) => x.name === name);
  if (!f) throw new Error(`unknown import format ${name}`);
  return f;
}
