/**
 * Ratings derived from a ranking, for a party that would rather order an issue's options than
 * score them. The best place rates 100 and the worst 0, evenly spaced by place, so a party
 * ranking n options says "each step down the list costs the same". Options ranked equal share
 * the mean of the places they occupy (fractional ranking), so a tie never changes what the
 * options around it get: ranking [x, [y, z], w] gives x 100, y and z 50, w 0, exactly as
 * [x, y, z, w] would give y and z 66⅔ and 33⅓ and average them. A single option rates 100:
 * it is the party's best by definition.
 *
 * The caller (prepare-case.ts) has already checked that every option appears exactly once.
 */

/** Options best first; an inner array is a group ranked equal. */
export type Ranking = readonly (string | readonly string[])[];

export function ratingsFromRanks(ranking: Ranking): Map<string, number> {
  const groups = ranking.map((g) => (typeof g === 'string' ? [g] : g));
  const n = groups.reduce((sum, g) => sum + g.length, 0);
  const ratings = new Map<string, number>();
  const placeRating = (place: number) => (n === 1 ? 100 : (100 * (n - 1 - place)) / (n - 1));
  let place = 0;
  for (const group of groups) {
    let sum = 0;
    for (let k = 0; k < group.length; k += 1) sum += placeRating(place + k);
    const mean = sum / group.length;
    for (const option of group) ratings.set(option, mean);
    place += group.length;
  }
  return ratings;
}
