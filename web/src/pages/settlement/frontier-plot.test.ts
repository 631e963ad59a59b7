import { describe, expect, it } from 'vitest';
import { across, axisPositions, frontierLine, groupMarkers, parallelLine, plotKind, pointsAttr, scatterDot, labelYs, spreadLabels, up } from './frontier-plot.ts';

const box = { left: 40, right: 240, top: 10, bottom: 110 };

describe('the frontier plot', () => {
  it('chooses a scatter for two visible parties, parallel coordinates for three or more', () => {
    expect([0, 1, 2, 3, 6].map(plotKind)).toEqual(['none', 'strip', 'scatter', 'parallel', 'parallel']);
  });

  it('runs 0–100 across from the start edge, mirrored in right-to-left languages', () => {
    expect(across(0, box, false)).toBe(40);
    expect(across(100, box, false)).toBe(240);
    expect(across(25, box, false)).toBe(90);
    expect(across(0, box, true)).toBe(240);
    expect(across(100, box, true)).toBe(40);
    expect(across(25, box, true)).toBe(190);
    expect(across(150, box, false)).toBe(240);
  });

  it('runs 0–100 upwards from the bottom in any language', () => {
    expect(up(0, box)).toBe(110);
    expect(up(100, box)).toBe(10);
    expect(up(40, box)).toBe(70);
  });

  it('places a package in the scatter, and not at all when a figure is withheld', () => {
    expect(scatterDot({ a: 50, b: 100 }, ['a', 'b'], box, false)).toEqual({ x: 140, y: 10 });
    expect(scatterDot({ a: 10, b: 0 }, ['a', 'b'], box, true)).toEqual({ x: 220, y: 110 });
    expect(scatterDot({ a: 10, b: null }, ['a', 'b'], box, false)).toBeNull();
  });

  it('draws the frontier as one line in order of the first party', () => {
    const rows = [{ a: 100, b: 0 }, { a: 0, b: 100 }, { a: 50, b: 50 }, { a: 20, b: null }];
    expect(frontierLine(rows, ['a', 'b'], box, false)).toEqual([{ x: 40, y: 10 }, { x: 140, y: 60 }, { x: 240, y: 110 }]);
    expect(pointsAttr(frontierLine(rows, ['a', 'b'], box, true))).toBe('240.0,10.0 140.0,60.0 40.0,110.0');
  });

  it('spaces the parallel axes evenly, the first party at the start edge', () => {
    expect(axisPositions(3, box, false)).toEqual([40, 140, 240]);
    expect(axisPositions(3, box, true)).toEqual([240, 140, 40]);
    expect(axisPositions(1, box, false)).toEqual([140]);
    expect(axisPositions(0, box, false)).toEqual([]);
  });

  it("draws a package across the parallel axes, skipping a party's missing figure", () => {
    expect(parallelLine({ a: 0, b: 50, c: 100 }, ['a', 'b', 'c'], box, false)).toEqual([{ x: 40, y: 110 }, { x: 140, y: 60 }, { x: 240, y: 10 }]);
    expect(parallelLine({ a: 0, b: null, c: 100 }, ['a', 'b', 'c'], box, true)).toEqual([{ x: 240, y: 110 }, { x: 40, y: 10 }]);
  });

  it('gives suggestions on the same spot one marker with all their numbers', () => {
    const s = [{ satisfaction: { a: 60, b: 40 } }, { satisfaction: { a: 55, b: 55 } }, { satisfaction: { a: 60.00001, b: 40 } }];
    expect(groupMarkers(s, ['a', 'b']).map((g) => g.indexes)).toEqual([[0, 2], [1]]);
  });
});

describe('marker labels', () => {
  it('leaves labels that are far enough apart where they are', () => {
    expect(spreadLabels([10, 40, 25], 14)).toEqual([10, 40, 25]);
  });
  it('spreads a cluster evenly around where its markers are, keeping their order', () => {
    expect(spreadLabels([50, 52], 14)).toEqual([44, 58]);
    const ys = spreadLabels([100, 101, 102], 14);
    expect(ys).toEqual([87, 101, 115]);
  });
  it('keeps ties in the order given', () => {
    expect(spreadLabels([30, 30], 10)).toEqual([25, 35]);
  });
});

describe('label columns', () => {
  it('spreads labels of markers that stand close across, and only those', () => {
    expect(labelYs([{ x: 100, y: 50 }, { x: 300, y: 52 }, { x: 105, y: 52 }], 14, 20)).toEqual([44, 52, 58]);
  });
});
