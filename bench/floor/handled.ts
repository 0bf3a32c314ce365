// How many of the floor's workflows, opened in order, have had their first task processed: the
// floor's "not yet routed" for pacing its opening. Workflows are opened, and their first tasks
// taken, in about the order of their index, so the first one not yet processed is found with a
// few server reads (a galloping search from the last answer), not one per workflow.

/**
 * The first index in [from, to) for which `done` is false, assuming done(i) holds for every i
 * below it (about true: tasks are taken in about the order opened), or `to` if all are done.
 * O(log(answer - from)) calls of `done`.
 */
export async function firstNotDone(from: number, to: number, done: (i: number) => Promise<boolean>): Promise<number> {
  if (from >= to || !(await done(from))) return from;
  // Gallop: from + 1, + 2, + 4, ... until one is not done (or past the end).
  let lo = from; // known done
  let step = 1;
  let hi = to; // known not done, or the end
  for (;;) {
    const probe = lo + step;
    if (probe >= to) break;
    if (!(await done(probe))) {
      hi = probe;
      break;
    }
    lo = probe;
    step *= 2;
  }
  // Bisect between the last done and the first not done.
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (await done(mid)) lo = mid;
    else hi = mid;
  }
  return hi;
}
