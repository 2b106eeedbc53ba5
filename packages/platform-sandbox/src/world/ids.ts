import { digits, hash32, idString } from '../rng';

const YT = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B32 = 'abcdefghijklmnopqrstuvwxyz234567';
const B32_SORT = '234567abcdefghijklmnopqrstuvwxyz';
const B36 = '0123456789abcdefghijklmnopqrstuvwxyz';

const TWITTER_EPOCH = 1288834974657n;

/** X ids are snowflakes: the creation time in ms sits in the high bits, so ids sort by time. */
export function snowflakeX(ms: number, key: string): string {
  return (((BigInt(ms) - TWITTER_EPOCH) << 22n) | BigInt(hash32(key) & 0x3fffff)).toString();
}

export function snowflakeXTime(id: string): number {
  return Number((BigInt(id) >> 22n) + TWITTER_EPOCH);
}

/** Mastodon ids: ms timestamp shifted by 16 bits plus a sequence. */
export function snowflakeMastodon(ms: number, key: string): string {
  return ((BigInt(ms) << 16n) | BigInt(hash32(key) & 0xffff)).toString();
}

/** atproto TID: 64-bit (µs timestamp << 10 | clock id) in sortable base32, 13 chars. */
export function tid(ms: number, key: string): string {
  let v = ((BigInt(ms) * 1000n + BigInt(hash32(key) % 1000)) << 10n) | BigInt(hash32(`c${key}`) & 0x3ff);
  let s = '';
  for (let i = 0; i < 13; i++) {
    s = B32_SORT[Number(v & 31n)] + s;
    v >>= 5n;
  }
  return s;
}

export function cid(key: string): string {
  return `bafyrei${idString(`cid|${key}`, 52, B32)}`;
}

/** TikTok video ids carry the creation second in their high 32 bits. */
export function tiktokVideoId(ms: number, key: string): string {
  return ((BigInt(Math.floor(ms / 1000)) << 32n) | BigInt(hash32(key))).toString();
}

/** LinkedIn activity/share ids are time-based 19-digit numbers too. */
export function linkedinId(ms: number, key: string): string {
  return ((BigInt(ms) << 22n) | BigInt(hash32(key) & 0x3fffff)).toString();
}

export const ytVideoId = (key: string): string => idString(`ytv|${key}`, 11, YT);
export const ytChannelId = (key: string): string => `UC${idString(`ytc|${key}`, 22, YT)}`;
export const ytCommentId = (key: string): string =>
  `Ug${idString(`ytcm|${key}`, 1, 'wxyz')}${idString(`ytcm2|${key}`, 19, YT.replace(/[-_]/g, ''))}4AaABAg`;
export const ytReplyId = (parent: string, key: string): string =>
  `${parent}.${idString(`ytr|${key}`, 22, YT.replace(/[-_]/g, ''))}`;

export const fbNumeric = (key: string): string => digits(`fb|${key}`, 16);
export const igNumeric = (key: string): string => `17${digits(`ig|${key}`, 15)}`;
export const redditId = (key: string): string => `1${idString(`rd|${key}`, 6, B36)}`;
export const personaUserId = (platform: string, key: string, len = 15): string =>
  digits(`${platform}|user|${key}`, len);
