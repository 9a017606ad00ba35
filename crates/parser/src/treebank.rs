//! Gold dependency trees from CoNLL-U, carried over to the project's own tokenization.
//!
//! Spans and tags come from [`tidings_tagger::treebank::parse_conllu`]; this module reads the
//! HEAD and DEPREL columns of the same rows. Each of our words takes the first non-punctuation
//! treebank word it overlaps (or the first one); the first of our words on a treebank word
//! represents it and takes its relation, with its head moved up the tree past treebank words
//! that have no word of ours (a dropped hyphen). Further pieces of one treebank word hang off the
//! first as `flat`. Words that overlap no treebank word hang off their neighbour and are not
//! scored.

use crate::rel::Rel;
use std::path::Path;
use tidings_dict::words::Words;
use tidings_tagger::treebank::parse_conllu;
use tidings_tagger::Tag;

/// A sentence in our tokenization with its gold tree.
#[derive(Debug, Clone)]
pub struct GoldSentence {
    pub words: Words,
    /// Gold head of each word; `None` for the root.
    pub heads: Vec<Option<usize>>,
    pub rels: Vec<Rel>,
    /// Whether the word corresponds to a treebank word (only those are scored).
    pub scored: Vec<bool>,
    /// Gold tag of each word (`None`: no treebank word).
    pub gold_tags: Vec<Option<Tag>>,
}

/// Reads and aligns a CoNLL-U file. Sentences that cannot be read are reported as
/// `file:line: reason` in the second vector and skipped.
pub fn load_gold(path: &Path) -> Result<(Vec<GoldSentence>, Vec<String>), String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    Ok(parse_gold(&text, &path.display().to_string()))
}

/// Parses CoNLL-U text into gold sentences; `name` labels error messages.
pub fn parse_gold(text: &str, name: &str) -> (Vec<GoldSentence>, Vec<String>) {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    let mut block = String::new();
    let mut block_line = 1;
    for (n, line) in text.lines().chain(std::iter::once("")).enumerate() {
        if line.trim().is_empty() {
            if !block.is_empty() {
                match gold_of_block(&block, name, block_line) {
                    Ok(s) => out.push(s),
                    Err(e) => errors.push(e),
                }
            }
            block.clear();
            block_line = n + 2;
            continue;
        }
        block.push_str(line);
        block.push('\n');
    }
    (out, errors)
}

fn gold_of_block(block: &str, name: &str, first_line: usize) -> Result<GoldSentence, String> {
    let (mut sents, errors) = parse_conllu(block, name);
    if let Some(e) = errors.into_iter().next() {
        // the tagger's reader numbers lines within the block: renumber within the file
        let (_, rest) = e.split_at(name.len() + 1);
        let (line, reason) = rest.split_once(':').unwrap_or(("1", rest));
        let line: usize = line.parse().unwrap_or(1);
        return Err(format!("{name}:{}:{reason}", first_line + line - 1));
    }
    let sent = sents
        .pop()
        .ok_or(format!("{name}:{first_line}: empty sentence"))?;
    // heads and relations of the syntactic words, in the same order as `sent.words`
    let mut tree: Vec<(usize, Rel)> = Vec::new();
    for (k, line) in block.lines().enumerate() {
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols[0].contains('.') || cols[0].contains('-') {
            continue;
        }
        let head: usize = cols[6]
            .parse()
            .map_err(|_| format!("{name}:{}: bad head `{}`", first_line + k, cols[6]))?;
        tree.push((head, Rel::from_ud(cols[7])));
    }
    if tree.len() != sent.words.len() || tree.iter().any(|(h, _)| *h > tree.len()) {
        return Err(format!("{name}:{first_line}: heads do not match the words"));
    }
    let words = Words::new(&sent.text);
    let n = words.len();
    // treebank word of each of our words
    let mut of: Vec<Option<usize>> = vec![None; n];
    let mut gold_tags = vec![None; n];
    for (i, w) in words.iter().enumerate() {
        let (s, e) = (w.start as usize, w.end as usize);
        let mut first = None;
        for (t, (span, upos, xpos)) in sent.words.iter().enumerate() {
            if span.start < e && s < span.end {
                if *upos != tidings_tagger::Upos::Punct {
                    first = Some((t, Tag::from_ud(*upos, xpos)));
                    break;
                }
                first.get_or_insert((t, Tag::from_ud(*upos, xpos)));
            }
        }
        of[i] = first.map(|(t, _)| t);
        gold_tags[i] = first.map(|(_, g)| g);
    }
    let mut rep: Vec<Option<usize>> = vec![None; tree.len()];
    for (i, t) in of.iter().enumerate() {
        if let Some(t) = t {
            rep[*t].get_or_insert(i);
        }
    }
    let mut heads = vec![None; n];
    let mut rels = vec![Rel::Other; n];
    let mut scored = vec![false; n];
    for i in 0..n {
        match of[i] {
            Some(t) if rep[t] == Some(i) => {
                scored[i] = true;
                rels[i] = tree[t].1;
                let mut h = tree[t].0;
                let mut steps = 0;
                while h != 0 && rep[h - 1].is_none() && steps < tree.len() {
                    h = tree[h - 1].0;
                    steps += 1;
                }
                heads[i] = if h == 0 { None } else { rep[h - 1] };
            }
            Some(t) => {
                scored[i] = true;
                heads[i] = rep[t];
                rels[i] = Rel::Flat;
            }
            None => {
                heads[i] = if i > 0 {
                    Some(i - 1)
                } else {
                    (n > 1).then_some(1)
                };
                rels[i] = Rel::Punct;
            }
        }
    }
    // exactly one root: any other root hangs off the first
    let roots: Vec<usize> = (0..n).filter(|&i| heads[i].is_none()).collect();
    if let Some(&first) = roots.first() {
        rels[first] = Rel::Root;
        for &r in &roots[1..] {
            heads[r] = Some(first);
            if rels[r] == Rel::Root {
                rels[r] = Rel::Other;
            }
        }
    }
    if roots.is_empty() && n > 0 {
        return Err(format!(
            "{name}:{first_line}: the tree has no root over our words"
        ));
    }
    Ok(GoldSentence {
        words,
        heads,
        rels,
        scored,
        gold_tags,
    })
}

/// Whether the arc `dep -> head` is crossed by another arc of `heads`.
fn crossed(heads: &[Option<usize>], dep: usize) -> bool {
    let Some(head) = heads[dep] else { return false };
    let (lo, hi) = (dep.min(head), dep.max(head));
    (lo + 1..hi).any(|k| match heads[k] {
        Some(h) => h < lo || h > hi,
        None => true,
    })
}

/// Makes `heads` projective by lifting: while some arc is crossed, the shortest such arc's
/// dependent moves to its head's head. Returns whether the tree changed.
pub fn projectivize(heads: &mut [Option<usize>]) -> bool {
    let mut changed = false;
    for _ in 0..heads.len() * heads.len() {
        let worst = (0..heads.len())
            .filter(|&d| crossed(heads, d))
            .min_by_key(|&d| heads[d].map_or(0, |h| h.abs_diff(d)));
        let Some(d) = worst else { break };
        let h = heads[d].unwrap();
        heads[d] = heads[h];
        changed = true;
    }
    changed
}

/// Whether every word's head chain reaches the root without a cycle.
pub fn is_tree(heads: &[Option<usize>]) -> bool {
    (0..heads.len()).all(|i| {
        let mut at = i;
        for _ in 0..=heads.len() {
            match heads[at] {
                None => return true,
                Some(h) => at = h,
            }
        }
        false
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carries_heads_over_to_our_words() {
        let conllu = "# text = They didn't go to Al-Zaman's.
1\tThey\tthey\tPRON\tPRP\t_\t4\tnsubj\t_\t_
2-3\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_
2\tdid\tdo\tAUX\tVBD\t_\t4\taux\t_\t_
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_
4\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\t_
5\tto\tto\tADP\tIN\t_\t6\tcase\t_\t_
6\tAl\tAl\tPROPN\tNNP\t_\t4\tobl\t_\tSpaceAfter=No
7\t-\t-\tPUNCT\tHYPH\t_\t8\tpunct\t_\tSpaceAfter=No
8\tZaman\tZaman\tPROPN\tNNP\t_\t6\tflat\t_\tSpaceAfter=No
9\t's\t's\tPART\tPOS\t_\t6\tcase\t_\tSpaceAfter=No
10\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

";
        let (sents, errors) = parse_gold(conllu, "sample");
        assert!(errors.is_empty(), "{errors:?}");
        let s = &sents[0];
        let got: Vec<String> = (0..s.words.len())
            .map(|i| {
                let h = s.heads[i].map_or("-".to_string(), |h| s.words.norm(h).to_string());
                format!("{}>{}:{}", s.words.norm(i), h, s.rels[i])
            })
            .collect();
        assert_eq!(
            got,
            [
                "they>go:nsubj",
                "did>go:aux",
                "n't>go:advmod",
                "go>-:root",
                "to>al:case",
                "al>go:obl",
                "zaman>al:flat",
                "'s>al:case",
                ".>go:punct"
            ]
        );
        assert!(is_tree(&s.heads));
    }

    #[test]
    fn bad_heads_are_reported_with_file_and_line() {
        let conllu = "# text = They went.\n1\tThey\tthey\tPRON\tPRP\t_\tx\tnsubj\t_\t_\n2\twent\tgo\tVERB\tVBD\t_\t0\troot\t_\t_\n";
        let (sents, errors) = parse_gold(conllu, "bad.conllu");
        assert!(sents.is_empty());
        assert_eq!(errors, ["bad.conllu:2: bad head `x`"]);
    }

    #[test]
    fn lifting_removes_crossing_arcs() {
        // 0 -> 2, 1 -> 3 cross; 3 is the root
        let mut heads = vec![Some(2), Some(3), Some(3), None];
        assert!(projectivize(&mut heads));
        assert!((0..4).all(|d| !crossed(&heads, d)));
        assert!(is_tree(&heads));
    }
}
