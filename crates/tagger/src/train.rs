//! Training: an averaged perceptron over the shared features, greedy left to right with the
//! model's own previous predictions as history, then pruning and quantizing to the model file.

use crate::features::{self, WordParts, DYNAMIC, STATIC};
use crate::model::MAGIC;
use crate::tags::Tag;
use crate::treebank::AlignedSentence;
use std::collections::HashMap;

const CLASSES: usize = Tag::COUNT;

#[derive(Debug, Clone, Copy)]
struct Param {
    weight: f32,
    total: f64,
    stamp: u64,
}

/// Perceptron weights being trained: per feature key, the classes it has weights for.
#[derive(Default)]
pub struct Trainer {
    weights: HashMap<u32, Vec<(u8, Param)>>,
    /// Number of words seen (the averaging clock).
    clock: u64,
}

impl Trainer {
    pub fn new() -> Trainer {
        Trainer::default()
    }

    fn score(&self, keys: &[u32], scores: &mut [f32; CLASSES]) {
        for k in keys {
            if let Some(row) = self.weights.get(k) {
                for (c, p) in row {
                    scores[*c as usize] += p.weight;
                }
            }
        }
    }

    fn update(&mut self, keys: &[u32], class: usize, delta: f32) {
        let clock = self.clock;
        for k in keys {
            let row = self.weights.entry(*k).or_default();
            let p = match row.iter_mut().position(|(c, _)| *c as usize == class) {
                Some(i) => &mut row[i].1,
                None => {
                    row.push((
                        class as u8,
                        Param {
                            weight: 0.0,
                            total: 0.0,
                            stamp: clock,
                        },
                    ));
                    &mut row.last_mut().unwrap().1
                }
            };
            p.total += (clock - p.stamp) as f64 * p.weight as f64;
            p.stamp = clock;
            p.weight += delta;
        }
    }

    /// One pass over `sentences` in the given order; returns (correct, total) on the training words.
    pub fn epoch(&mut self, sentences: &[AlignedSentence], order: &[usize]) -> (usize, usize) {
        let (mut correct, mut total) = (0, 0);
        let mut parts: Vec<WordParts> = Vec::new();
        let mut keys = [0u32; STATIC + DYNAMIC];
        for &si in order {
            let s = &sentences[si];
            features::word_parts(&s.words, &mut parts);
            let (mut prev, mut prev2) = (CLASSES as u8, CLASSES as u8);
            for i in 0..parts.len() {
                let (st, dy) = keys.split_at_mut(STATIC);
                features::static_keys(&parts, i, st.try_into().unwrap());
                features::dynamic_keys(&parts, i, prev, prev2, dy.try_into().unwrap());
                let mut scores = [0f32; CLASSES];
                self.score(&keys, &mut scores);
                let guess = (0..CLASSES).fold(0, |b, c| if scores[c] > scores[b] { c } else { b });
                self.clock += 1;
                if let Some(gold) = s.gold[i] {
                    total += 1;
                    if gold.index() == guess {
                        correct += 1;
                    } else {
                        self.update(&keys, gold.index(), 1.0);
                        self.update(&keys, guess, -1.0);
                    }
                }
                prev2 = prev;
                prev = guess as u8;
            }
        }
        (correct, total)
    }

    /// Averages the weights, drops those below `prune` (absolute, after averaging), quantizes to
    /// `i16` and writes the model file's bytes, with the tag dictionary `dictionary` at the end.
    pub fn export(&self, prune: f64, dictionary: &[(u32, u8)]) -> Vec<u8> {
        let clock = self.clock.max(1) as f64;
        let mut rows: Vec<(u32, Vec<(u8, f64)>)> = Vec::new();
        let mut max = 0f64;
        for (k, row) in &self.weights {
            let mut kept: Vec<(u8, f64)> = row
                .iter()
                .map(|(c, p)| {
                    (
                        *c,
                        (p.total + (self.clock - p.stamp) as f64 * p.weight as f64) / clock,
                    )
                })
                .filter(|(_, w)| w.abs() >= prune)
                .collect();
            if kept.is_empty() {
                continue;
            }
            kept.sort_by_key(|(c, _)| *c);
            for (_, w) in &kept {
                max = max.max(w.abs());
            }
            rows.push((*k, kept));
        }
        rows.sort_by_key(|(k, _)| *k);
        let scale = 32767.0 / max.max(1e-9);
        let entries: usize = rows.iter().map(|(_, r)| r.len()).sum();
        let mut out = Vec::with_capacity(20 + rows.len() * 5 + entries * 3);
        out.extend_from_slice(MAGIC);
        for v in [CLASSES, rows.len(), entries] {
            out.extend_from_slice(&(v as u32).to_le_bytes());
        }
        for (k, _) in &rows {
            out.extend_from_slice(&k.to_le_bytes());
        }
        for (_, r) in &rows {
            out.push(r.len() as u8);
        }
        for (_, r) in &rows {
            out.extend(r.iter().map(|(c, _)| *c));
        }
        for (_, r) in &rows {
            for (_, w) in r {
                let q = (w * scale).round().clamp(-32767.0, 32767.0) as i16;
                out.extend_from_slice(&q.to_le_bytes());
            }
        }
        out.extend_from_slice(&(dictionary.len() as u32).to_le_bytes());
        for (k, _) in dictionary {
            out.extend_from_slice(&k.to_le_bytes());
        }
        out.extend(dictionary.iter().map(|(_, c)| *c));
        out
    }
}

/// A small deterministic shuffle (xorshift), so training runs are reproducible.
pub fn shuffle(order: &mut [usize], seed: u64) {
    let mut x = seed | 1;
    for i in (1..order.len()).rev() {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        order.swap(i, (x % (i as u64 + 1)) as usize);
    }
}

/// Words (by form and shape) seen at least `min_count` times whose most frequent class covers at
/// least `min_share` of them: the tagger gives them that class without scoring. Sorted by key.
pub fn tag_dictionary(
    sentences: &[AlignedSentence],
    min_count: usize,
    min_share: f64,
) -> Vec<(u32, u8)> {
    let mut counts: HashMap<u32, [u32; CLASSES]> = HashMap::new();
    let mut parts = Vec::new();
    for s in sentences {
        features::word_parts(&s.words, &mut parts);
        for (i, gold) in s.gold.iter().enumerate() {
            if let Some(g) = gold {
                counts
                    .entry(features::dictionary_key(&parts, i))
                    .or_insert([0; CLASSES])[g.index()] += 1;
            }
        }
    }
    let mut dict: Vec<(u32, u8)> = counts
        .into_iter()
        .filter_map(|(k, c)| {
            let total: u32 = c.iter().sum();
            let (best, n) = c.iter().enumerate().max_by_key(|(_, n)| **n).unwrap();
            (total as usize >= min_count && *n as f64 >= min_share * total as f64)
                .then_some((k, best as u8))
        })
        .collect();
    dict.sort();
    dict
}
