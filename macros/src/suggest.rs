//! "Did you mean `closed`?": the closest known name to a typo. The names come from
//! `symbol`, so a suggestion is always spelled as the parser expects it.

/// The candidate nearest to `typo` in edit distance, if it is near enough to be the
/// intended one (at most a third of the typo's length, and at least one edit allowed).
pub fn closest<'a>(typo: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let allowed = (typo.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .map(|candidate| (distance(typo, candidate), candidate))
        .filter(|(distance, _)| *distance <= allowed)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// `a`, `a or b`, `a, b or c`.
pub fn list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [only] => (*only).to_owned(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// Edit distance counting a swap of two neighbours as one edit (optimal string
/// alignment), in characters: `kye` is one edit from `key`.
fn distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut table = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in table.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in table[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (table[i - 1][j] + 1)
                .min(table[i][j - 1] + 1)
                .min(table[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(table[i - 2][j - 2] + 1);
            }
            table[i][j] = best;
        }
    }
    table[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::symbol::{CLOSED, CRATE, EXTRA, KEY, OUTPUT, RENAME_ALL, REQUIRED};

    #[test]
    fn near_typos_are_suggested_and_far_ones_are_not() {
        let names = [CLOSED, RENAME_ALL, OUTPUT, REQUIRED, CRATE].map(|name| name.as_str());
        assert_eq!(closest("closd", names), Some(CLOSED.as_str()));
        assert_eq!(closest("colsed", names), Some(CLOSED.as_str()));
        assert_eq!(closest("renam_all", names), Some(RENAME_ALL.as_str()));
        assert_eq!(closest("total", names), None);
        assert_eq!(
            closest("kye", [KEY.as_str(), EXTRA.as_str()]),
            Some(KEY.as_str())
        );
        assert_eq!(distance("kitten", "sitting"), 3);
    }

    #[test]
    fn lists_read_as_prose() {
        assert_eq!(list(&["a"]), "a");
        assert_eq!(list(&["a", "b", "c"]), "a, b or c");
    }
}
