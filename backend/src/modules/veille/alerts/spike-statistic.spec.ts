import { evaluateNegativeSurge, evaluateSpike, mad, median, spikeBaseline } from './spike-statistic';

describe('spike statistic', () => {
  it('median and MAD', () => {
    expect(median([10, 12, 11, 9])).toBe(10.5);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([])).toBe(0);
    // |x - 10.5| = 0.5, 1.5, 0.5, 1.5 → median 1
    expect(mad([10, 12, 11, 9])).toBe(1);
  });

  it('baseline = median, spread = max(1.4826·MAD, √median, 1)', () => {
    expect(spikeBaseline([10, 12, 11, 9])).toEqual({ baseline: 10.5, spread: Math.sqrt(10.5) }); // 1.48 < 3.24
    expect(spikeBaseline([0, 0, 0, 0])).toEqual({ baseline: 0, spread: 1 });
    // one past crisis (200) barely moves the median: 20, 21, 22, 200 → m 21.5, MAD = median(1.5, 0.5, 0.5, 178.5) = 1
    expect(spikeBaseline([20, 22, 200, 21]).baseline).toBe(21.5);
  });

  it('fires on the hourly window at max(minCount, m + 3s)', () => {
    // m = 10.5, s = √10.5 = 3.24 → threshold 20.22
    expect(evaluateSpike({ c60: 20, c15: 5, samples: [10, 12, 11, 9] }).fired).toBe(false);
    const r = evaluateSpike({ c60: 21, c15: 5, samples: [10, 12, 11, 9] });
    expect(r).toEqual({ fired: true, window: '60m', count: 21, threshold: 20.22, baseline: 10.5, spread: 3.24 });
  });

  it('needs minCount on a quiet target', () => {
    expect(evaluateSpike({ c60: 9, c15: 9, samples: [0, 0, 0, 0] }).fired).toBe(false);
    expect(evaluateSpike({ c60: 10, c15: 10, samples: [0, 0, 0, 0] })).toMatchObject({ fired: true, window: '60m', threshold: 10 });
  });

  it('the 15-minute window catches a burst before the hour is over', () => {
    // m = 40, s = √40 = 6.32: hourly threshold 58.97; 15-min threshold 10 + 3·3.16 = 19.49
    const r = evaluateSpike({ c60: 50, c15: 20, samples: [38, 40, 42, 40] });
    expect(r).toMatchObject({ fired: true, window: '15m', count: 20, threshold: 19.49 });
    expect(evaluateSpike({ c60: 50, c15: 20, samples: [38, 40, 42, 40] }, { k: 3, minCount: 10, shortWindow: false }).fired).toBe(false);
  });

  it('negative surge: count, share and lift over the baseline share', () => {
    expect(evaluateNegativeSurge({ count: 20, negative: 10, baselineCount: 1000, baselineNegative: 100 })).toEqual({ fired: true, share: 0.5, baselineShare: 0.1 });
    // share high but usual for this target (lift 0.05 < 0.15)
    expect(evaluateNegativeSurge({ count: 20, negative: 10, baselineCount: 1000, baselineNegative: 450 }).fired).toBe(false);
    // too few mentions
    expect(evaluateNegativeSurge({ count: 9, negative: 9, baselineCount: 0, baselineNegative: 0 }).fired).toBe(false);
  });
});
