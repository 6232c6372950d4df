//! A calendar's time zone as a table of UTC offset changes, so that the two conversions
//! every deadline needs (an instant's local date, a local day's end) are a binary search
//! and integer arithmetic instead of a time zone database lookup.
//!
//! The bundled database stores most zones' recent rules as a POSIX TZ string, which
//! jiff evaluates for every conversion (finding that year's DST dates): that was most of
//! the time of 100,000 deadlines. The table lists each transition of 1900–2200 once,
//! built on the first conversion. Outside those years, and within two days of any
//! transition (where a local midnight can be skipped or repeated), the conversion is
//! left to jiff, so DST gaps and folds keep exactly jiff's semantics.

use jiff::tz::TimeZone;
use jiff::Timestamp;

use super::days;

const SECONDS_PER_DAY: i64 = 86_400;
/// Near a transition the fast path steps aside: offsets are less than a day, so two days
/// leave room for any local midnight the change could touch.
const NEAR: i64 = 2 * SECONDS_PER_DAY;

/// Offsets in force between transitions, over a span of instants.
#[derive(Debug)]
pub(super) struct ZoneTable {
    /// Instants covered, in seconds: `[first, last)`.
    first: i64,
    last: i64,
    /// Transition instants in seconds, sorted.
    transitions: Vec<i64>,
    /// `offsets[i]`: the offset (seconds east of UTC) from `transitions[i - 1]` until
    /// `transitions[i]`; `offsets[0]` before the first transition.
    offsets: Vec<i32>,
    /// `buckets[k]`: transitions before `first + (k << BUCKET_SHIFT)` seconds, so that
    /// finding an instant's offset is a lookup and a short scan.
    buckets: Vec<u32>,
}

/// About 48 days per bucket: at most a couple of transitions in each.
const BUCKET_SHIFT: u32 = 22;

impl ZoneTable {
    /// The transitions of `zone` from 1900 to 2200.
    pub(super) fn new(zone: &TimeZone) -> ZoneTable {
        let first = days::from_civil(1900, 1, 1) as i64 * SECONDS_PER_DAY;
        let last = days::from_civil(2200, 1, 1) as i64 * SECONDS_PER_DAY;
        let start = Timestamp::from_second(first).unwrap_or(Timestamp::UNIX_EPOCH);
        let mut transitions = Vec::new();
        let mut offsets = vec![zone.to_offset(start).seconds()];
        for transition in zone.following(start) {
            let at = transition.timestamp().as_second();
            if at >= last {
                break;
            }
            transitions.push(at);
            offsets.push(transition.offset().seconds());
        }
        let mut buckets = Vec::with_capacity((((last - first) >> BUCKET_SHIFT) + 1) as usize);
        let mut before = 0;
        let mut start = first;
        while start < last {
            while transitions.get(before).is_some_and(|&t| t < start) {
                before += 1;
            }
            buckets.push(before as u32);
            start += 1 << BUCKET_SHIFT;
        }
        ZoneTable {
            first,
            last,
            transitions,
            offsets,
            buckets,
        }
    }

    /// How many transitions are at or before `second` (which must be in the table).
    fn rank(&self, second: i64) -> usize {
        let bucket = ((second - self.first) >> BUCKET_SHIFT) as usize;
        let mut rank = self.buckets.get(bucket).map_or(0, |&start| start as usize);
        while self.transitions.get(rank).is_some_and(|&t| t <= second) {
            rank += 1;
        }
        rank
    }

    /// The local date at `at` as a day number, or `None` outside the table.
    pub(super) fn local_day(&self, at: Timestamp) -> Option<i32> {
        let second = floor_second(at);
        if !(self.first..self.last).contains(&second) {
            return None;
        }
        let index = self.rank(second);
        let local = second + i64::from(self.offsets[index]);
        i32::try_from(local.div_euclid(SECONDS_PER_DAY)).ok()
    }

    /// The first instant of the local day after day number `day`, when no transition is
    /// near it; `None` otherwise (the caller asks jiff).
    pub(super) fn end_of_day(&self, day: i32) -> Option<Timestamp> {
        let local_midnight = (i64::from(day) + 1) * SECONDS_PER_DAY;
        let before = local_midnight - NEAR;
        let after = local_midnight + NEAR;
        if before < self.first || after >= self.last {
            return None;
        }
        let index = self.rank(before);
        if self
            .transitions
            .get(index)
            .is_some_and(|&next| next <= after)
        {
            return None;
        }
        Timestamp::from_second(local_midnight - i64::from(self.offsets[index])).ok()
    }
}

/// Seconds since the epoch, rounded down (a timestamp before 1970 with a fraction of a
/// second belongs to the second before its truncated value).
fn floor_second(at: Timestamp) -> i64 {
    let second = at.as_second();
    if at.subsec_nanosecond() < 0 {
        second - 1
    } else {
        second
    }
}
