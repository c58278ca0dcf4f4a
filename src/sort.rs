//! One stable sort for the short lists of charts, privacy rules and the wasm façade.
//!
//! `slice::sort_by` is generic over the element type and the comparator, so every call site
//! compiles its own copy of the standard library's driftsort (about 4 KB of wasm each, ~20
//! copies before). [`sort_by`] sorts a permutation of `u32` indices with a dynamic comparator
//! (one copy of the sort for all callers) and then moves the elements into place: the same
//! order as `sort_by` (stable), O(n log n), one small allocation. Not for hot inner loops.

use std::cmp::Ordering;

/// Sorts `v` stably by `cmp`, like `v.sort_by(cmp)`.
pub(crate) fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let n = u32::try_from(v.len()).expect("fewer than 2^32 elements");
    let mut perm: Vec<u32> = (0..n).collect();
    sort_indices(&mut perm, &mut |a, b| cmp(&v[a as usize], &v[b as usize]));
    permute(v, &mut perm);
}

/// Sorts `v` stably by `key`, like `v.sort_by_key(key)`.
pub(crate) fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// The one instantiation of the standard sort.
#[inline(never)]
fn sort_indices(perm: &mut [u32], cmp: &mut dyn FnMut(u32, u32) -> Ordering) {
    perm.sort_by(|&a, &b| cmp(a, b));
}

/// Rearranges `v` so that `v[i]` becomes the old `v[perm[i]]`, cycle by cycle (uses up `perm`).
fn permute<T>(v: &mut [T], perm: &mut [u32]) {
    for start in 0..perm.len() {
        let mut i = start;
        loop {
            let j = perm[i] as usize;
            perm[i] = i as u32; // done
            if j == start {
                break;
            }
            v.swap(i, j);
            i = j;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator (no rand dependency in unit tests).
    fn lcg(seed: &mut u64) -> u64 {
        *seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        *seed >> 33
    }

    #[test]
    fn matches_the_standard_stable_sort() {
        let mut seed = 7;
        for len in 0..200 {
            // Few distinct keys, so stability is exercised; the index tells equal keys apart.
            let v: Vec<(u64, usize)> = (0..len).map(|i| (lcg(&mut seed) % 5, i)).collect();
            let (mut ours, mut std) = (v.clone(), v.clone());
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            std.sort_by_key(|a| a.0);
            assert_eq!(ours, std, "len {len}");
            let (mut ours, mut std) = (v.clone(), v);
            sort_by_key(&mut ours, |x| std::cmp::Reverse(x.0));
            std.sort_by_key(|x| std::cmp::Reverse(x.0));
            assert_eq!(ours, std, "len {len}, by key");
        }
    }

    #[test]
    fn moves_owned_values() {
        let mut v: Vec<String> = ["pear", "fig", "apple", "kiwi", "banana"].map(String::from).to_vec();
        sort_by_key(&mut v, |s| s.len());
        assert_eq!(v, ["fig", "pear", "kiwi", "apple", "banana"]);
    }
}
