import { sparklineSvg } from './sparkline-svg';

describe('sparklineSvg', () => {
  it('maps the min to the bottom and the max to the top, dot on the last month', () => {
    const svg = sparklineSvg([0, 5, 10], { width: 26, height: 16 });
    // x: 3, 13, 23; y: 16-3=13 (min), 8 (middle), 3 (max)
    expect(svg).toContain('<path d="M3 13 L13 8 L23 3"');
    expect(svg).toContain('<circle cx="23" cy="3"');
    expect(svg).not.toContain('style=');
  });

  it('breaks the line on missing months and draws no dot when the last is missing', () => {
    const svg = sparklineSvg([1, null, 3, 4, null], { width: 43, height: 16 });
    expect(svg.match(/<path /g)).toHaveLength(2);
    expect(svg).toContain('d="M3 13"');
    expect(svg).not.toContain('<circle');
  });

  it('draws a dashed placeholder when no month has data', () => {
    expect(sparklineSvg([null, null])).toContain('stroke-dasharray');
  });
});
