import { ConfigError, loadConfig } from './app-config';

const base = { NODE_ENV: 'test', VIGIE_SECRET_KEY: 'ab'.repeat(32), VIGIE_DATA_DIR: '/tmp/vigie-config-spec' };

describe('loadConfig: VIGIE_WORKER_NICE', () => {
  it.each<[string | undefined, number]>([
    [undefined, 10],
    ['', 10],
    ['0', 0],
    ['19', 19],
  ])('%p → %p', (raw, expected) => {
    expect(loadConfig({ ...base, VIGIE_WORKER_NICE: raw }).workerNice).toBe(expected);
  });

  it.each(['20', '-1', '5.5', 'low'])('refuses %p with the variable and the range in the message', (raw) => {
    expect(() => loadConfig({ ...base, VIGIE_WORKER_NICE: raw })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, VIGIE_WORKER_NICE: raw })).toThrow(/VIGIE_WORKER_NICE/);
  });
});

describe('loadConfig: VIGIE_PUBLIC_URL', () => {
  it.each<[string | undefined, string]>([
    [undefined, 'http://localhost:3000'],
    ['', 'http://localhost:3000'],
    ['https://vigie.example.org', 'https://vigie.example.org'],
    ['https://vigie.example.org/', 'https://vigie.example.org'],
    ['https://example.org/vigie//', 'https://example.org/vigie'],
  ])('%p → %p (links are built as publicUrl + /path)', (raw, expected) => {
    expect(loadConfig({ ...base, PORT: '3000', VIGIE_PUBLIC_URL: raw }).publicUrl).toBe(expected);
  });
});
