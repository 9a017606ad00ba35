//! Training: averaged perceptrons for transitions and labels, with a dynamic oracle and error
//! exploration (the parser follows its own, possibly wrong, transitions after the first epoch and
//! learns the best move from wherever it is), then pruning and `i16` quantization.

use crate::features::{self, Tokens, LABEL, TRANSITION};
use crate::model::{best_label, best_legal, MAGIC};
use crate::rel::Rel;
use crate::state::{State, ACTIONS, SHIFT};
use crate::table;
use crate::treebank::{projectivize, GoldSentence};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use tidings_tagger::Tag;

/// Feature keys are hashes already: the map uses them as they are.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, _: &[u8]) {
        unreachable!("only u32 keys are hashed")
    }
    fn write_u32(&mut self, k: u32) {
        self.0 = (k as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

#[derive(Debug, Clone, Copy)]
struct Param {
    weight: f32,
    total: f64,
    stamp: u64,
}

/// One perceptron's weights: per feature key, the classes it has weights for.
#[derive(Default)]
struct Weights {
    rows: HashMap<u32, Vec<(u8, Param)>, BuildHasherDefault<KeyHasher>>,
}

impl Weights {
    fn score(&self, keys: &[u32], scores: &mut [f32]) {
        for k in keys {
            if let Some(row) = self.rows.get(k) {
                for (c, p) in row {
                    scores[*c as usize] += p.weight;
                }
            }
        }
    }

    fn update(&mut self, keys: &[u32], class: usize, delta: f32, clock: u64) {
        for k in keys {
            let row = self.rows.entry(*k).or_default();
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

    /// Averaged weights, keeping the `keep` features with the largest weight (in magnitude),
    /// quantized to `i16`; rows sorted by key.
    fn export(&self, clock: u64, keep: usize) -> Vec<(u32, Vec<(u8, i16)>)> {
        let c = clock.max(1) as f64;
        // key, averaged (class, weight) entries, largest weight in magnitude
        type Averaged = (u32, Vec<(u8, f64)>, f64);
        let mut rows: Vec<Averaged> = Vec::new();
        for (k, row) in &self.rows {
            let mut kept: Vec<(u8, f64)> = row
                .iter()
                .map(|(class, p)| {
                    let avg = (p.total + (clock - p.stamp) as f64 * p.weight as f64) / c;
                    (*class, avg)
                })
                .filter(|(_, w)| *w != 0.0)
                .collect();
            if kept.is_empty() {
                continue;
            }
            kept.sort_by_key(|(class, _)| *class);
            let top = kept.iter().map(|(_, w)| w.abs()).fold(0.0, f64::max);
            rows.push((*k, kept, top));
        }
        rows.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)));
        rows.truncate(keep);
        let max = rows.first().map_or(1.0, |r| r.2);
        rows.sort_by_key(|(k, _, _)| *k);
        let scale = 32767.0 / max.max(1e-9);
        rows.into_iter()
            .map(|(k, r, _)| {
                let q = r
                    .into_iter()
                    .map(|(class, w)| (class, (w * scale).round().clamp(-32767.0, 32767.0) as i16))
                    .filter(|(_, w)| *w != 0)
                    .collect::<Vec<_>>();
                (k, q)
            })
            .filter(|(_, r)| !r.is_empty())
            .collect()
    }
}

/// A sentence ready for training: tokens with the tagger's tags, and a projective gold tree.
pub struct TrainingSentence {
    tokens: Tokens,
    /// Gold head of each word (`n` for the root).
    heads: Vec<u32>,
    rels: Vec<u8>,
}

impl TrainingSentence {
    /// Prepares `gold` with `tags` (one per word, normally predicted by the tagger).
    pub fn new(gold: &GoldSentence, tags: &[Tag]) -> TrainingSentence {
        let n = gold.words.len();
        let mut tokens = Tokens::default();
        tokens.fill(&gold.words, tags, 0..n);
        let mut heads = gold.heads.clone();
        projectivize(&mut heads);
        TrainingSentence {
            tokens,
            heads: heads.iter().map(|h| h.unwrap_or(n) as u32).collect(),
            rels: gold.rels.iter().map(|r| r.index() as u8).collect(),
        }
    }
}

/// The two perceptrons being trained.
#[derive(Default)]
pub struct Trainer {
    transitions: Weights,
    labels: Weights,
    /// Number of transitions seen (the averaging clock of both perceptrons).
    clock: u64,
    rng: u64,
}

impl Trainer {
    pub fn new() -> Trainer {
        Trainer {
            rng: 0x2545_f491_4f6c_dd1d,
            ..Trainer::default()
        }
    }

    fn random(&mut self) -> f64 {
        self.rng ^= self.rng << 13;
        self.rng ^= self.rng >> 7;
        self.rng ^= self.rng << 17;
        (self.rng >> 11) as f64 / (1u64 << 53) as f64
    }

    /// One pass over `sentences` in `order`. With `explore`, the parser follows its own prediction
    /// with that probability even when it is wrong. Returns (correct heads, words).
    pub fn epoch(
        &mut self,
        sentences: &[TrainingSentence],
        order: &[usize],
        explore: f64,
    ) -> (usize, usize) {
        let mut st = State::default();
        let mut keys = [0u32; TRANSITION];
        let mut lkeys = [0u32; LABEL];
        let (mut correct, mut total) = (0, 0);
        for &si in order {
            let s = &sentences[si];
            let n = s.heads.len();
            st.reset(n);
            while !st.is_final() {
                let legal = st.legal();
                let costs = st.costs(&s.heads);
                features::transition_keys(&s.tokens, &st, &mut keys);
                let mut scores = [0f32; ACTIONS];
                self.transitions.score(&keys, &mut scores);
                let guess = best_legal(&scores, &legal);
                let min = costs.iter().copied().min().unwrap();
                let mut best = usize::MAX;
                for a in 0..ACTIONS {
                    if costs[a] == min && (best == usize::MAX || scores[a] > scores[best]) {
                        best = a;
                    }
                }
                self.clock += 1;
                if costs[guess] > min {
                    self.transitions.update(&keys, best, 1.0, self.clock);
                    self.transitions.update(&keys, guess, -1.0, self.clock);
                }
                let action = if costs[guess] == min || self.random() < explore {
                    guess
                } else {
                    best
                };
                let rel = if action == SHIFT {
                    0
                } else {
                    let dep = st.s(0) as usize;
                    let head = st.head_for(action);
                    self.label(&s.tokens, &st, dep, head, s, &mut lkeys)
                };
                st.apply(action, rel);
            }
            for i in 0..n {
                total += 1;
                correct += (st.heads[i] == s.heads[i]) as usize;
            }
        }
        (correct, total)
    }

    /// Predicts the label of `dep -> head`, learning from the gold label when the head is right.
    fn label(
        &mut self,
        tokens: &Tokens,
        st: &State,
        dep: usize,
        head: usize,
        s: &TrainingSentence,
        keys: &mut [u32; LABEL],
    ) -> u8 {
        if head == st.n {
            return Rel::Root as u8;
        }
        features::label_keys(tokens, st, dep, head, keys);
        let mut scores = [0f32; Rel::COUNT];
        self.labels.score(keys, &mut scores);
        let guess = best_label(&scores);
        let gold = s.rels[dep];
        if s.heads[dep] as usize == head && gold != Rel::Root as u8 && guess != gold {
            self.labels.update(keys, gold as usize, 1.0, self.clock);
            self.labels.update(keys, guess as usize, -1.0, self.clock);
        }
        guess
    }

    /// Number of features seen in training: (transition, label).
    pub fn feature_counts(&self) -> (usize, usize) {
        (self.transitions.rows.len(), self.labels.rows.len())
    }

    /// The model file's bytes: the averaged weights of the strongest `keep` transition features
    /// and `keep_labels` label features, quantized.
    pub fn export(&self, keep: usize, keep_labels: usize) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        table::write(
            &mut out,
            ACTIONS,
            &self.transitions.export(self.clock, keep),
            true,
        );
        table::write(
            &mut out,
            Rel::COUNT,
            &self.labels.export(self.clock, keep_labels),
            false,
        );
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
